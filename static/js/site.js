// NewsArchive: progressive enhancement only. Without this file every page still works:
// the person search form submits to /people/?q=… and the server answers.
(function () {
  "use strict";

  // As-you-type person suggestions on /people/ (JSON from /people/suggest/?q=…).
  function setUpSuggestions(form) {
    var input = form.querySelector("input[type=search]");
    var list = form.querySelector(".suggestions");
    if (!input || !list || !window.fetch) return;
    var endpoint = form.getAttribute("data-suggest");
    var timer = null;
    var last = "";
    var controller = null;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      input.setAttribute("aria-expanded", "false");
    }

    function items() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    function show(results) {
      list.innerHTML = "";
      if (!results.length) { close(); return; }
      results.forEach(function (person, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "presentation");
        var a = document.createElement("a");
        a.href = person.url;
        a.id = "person-suggestion-" + i;
        a.setAttribute("role", "option");
        a.textContent = person.name; // textContent: names are never parsed as HTML
        if (person.description) {
          var role = document.createElement("span");
          role.className = "role";
          role.textContent = person.description;
          a.appendChild(role);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function lookUp() {
      var q = input.value.trim();
      if (q === last) return;
      last = q;
      if (q.length < 2) { close(); return; }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(endpoint + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { show(data.results || []); })
        .catch(function () { /* aborted or offline: the form still submits */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookUp, 200);
    });

    // Arrow keys move through the list; Escape closes it; Enter on an option follows it.
    form.addEventListener("keydown", function (event) {
      var links = items();
      if (!links.length || list.hidden) return;
      var current = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown") {
        event.preventDefault();
        links[Math.min(current + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (current <= 0) input.focus(); else links[current - 1].focus();
      } else if (event.key === "Escape") {
        close();
        input.focus();
      }
    });

    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  }

  document.querySelectorAll("form[data-suggest]").forEach(setUpSuggestions);

  // A name field (the person filter on /articles/): the browser's own list of matching names,
  // filled from the same suggestions as the reader types. Choosing one puts the name in the
  // field; the server takes names as well as slugs.
  function setUpNameList(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var endpoint = input.getAttribute("data-suggest-names");
    if (!list || !endpoint || !window.fetch) return;
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === last || q.length < 2) return;
        last = q;
        fetch(endpoint + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.innerHTML = "";
            (data.results || []).forEach(function (person) {
              var option = document.createElement("option");
              option.value = person.name; // a property, never parsed as HTML
              if (person.description) option.label = person.name + " — " + person.description;
              list.appendChild(option);
            });
          })
          .catch(function () { /* offline: the field still takes what is typed */ });
      }, 200);
    });
  }

  document.querySelectorAll("input[data-suggest-names][list]").forEach(setUpNameList);

  // On a phone the ten filter fields would push the articles a screen down: fold them, unless one of them is
  // to be corrected (the page then says what is wrong with it, and there are no results to see first).
  if (window.matchMedia && window.matchMedia("(max-width: 55.99rem)").matches) {
    document.querySelectorAll("details.filter-panel").forEach(function (panel) {
      if (!panel.querySelector("[aria-invalid=true]")) panel.open = false;
    });
  }
})();
