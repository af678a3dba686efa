"use strict";
// The admin's autocomplete boxes (select2) are named by the choice they show: an empty one has no
// name for a screen reader (axe-core: aria-input-field-name). Each box, and the text inside it that
// shows the choice, is named by its field and then its choice ("Via Valley Courier", or "Via"): both
// are labelled by a hidden span holding the field's name (the select's own aria-label, a table's
// column, articles/forms.py TableFormSet; else its <label>) and by the choice's text.
// Loaded with `defer` (templates/admin/base_site.html), so after the admin's autocomplete.js: its
// set-up (jQuery's ready, then each row added) runs before ours.
{
    const nameBoxes = (root) => {
        root.querySelectorAll("select.admin-autocomplete").forEach((select) => {
            const box = select.parentElement.querySelector(".select2-selection[role=combobox]");
            const shown = box && box.querySelector(".select2-selection__rendered[id]");
            const label = select.id && document.querySelector(`label[for="${select.id}"]`);
            const name = select.getAttribute("aria-label") || (label && label.textContent.trim().replace(/:$/, ""));
            if (!shown || !name || document.getElementById(`${select.id}_name`)) {
                return;
            }
            const span = document.createElement("span");
            span.id = `${select.id}_name`;
            span.hidden = true;
            span.textContent = name;
            select.after(span);
            box.setAttribute("aria-labelledby", `${span.id} ${shown.id}`);
            shown.setAttribute("aria-labelledby", `${span.id} ${shown.id}`);
        });
    };
    if (window.django && django.jQuery) {
        django.jQuery(() => nameBoxes(document));
        document.addEventListener("formset:added", (event) => nameBoxes(event.target));
    }
}
