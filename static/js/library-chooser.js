// The media library in the desk's forms: image searches show a thumbnail beside each
// result, and a chosen photo's own caption and credit (IPTC/XMP) fill the form's empty
// fields before it is saved. Without JavaScript the search lists names and the library
// takes the photo's details on save.
(function () {
  "use strict";

  const $ = window.django && window.django.jQuery;

  function result(item) {
    if (!item.id || !item.thumbnail) return item.text;
    const line = document.createElement("span");
    line.className = "library-result";
    const picture = document.createElement("img");
    picture.src = item.thumbnail;
    picture.alt = "";
    picture.width = 64;
    picture.loading = "lazy";
    const words = document.createElement("span");
    words.textContent = item.text;
    if (item.credit) {
      const credit = document.createElement("small");
      credit.textContent = item.credit;
      words.appendChild(credit);
    }
    line.append(picture, words);
    return $(line);
  }

  // Django's autocomplete starts select2 on DOM ready through $.fn.djangoAdminSelect2:
  // library image choosers get the thumbnail template, the others stay as they are.
  if ($ && $.fn.djangoAdminSelect2) {
    const start = $.fn.djangoAdminSelect2;
    $.fn.djangoAdminSelect2 = function () {
      start.call(this.not(".library-chooser"));
      $.each(this.filter(".library-chooser"), function (i, element) {
        $(element).select2({
          templateResult: result,
          ajax: {
            data: function (params) {
              return {
                term: params.term,
                page: params.page,
                app_label: element.dataset.appLabel,
                model_name: element.dataset.modelName,
                field_name: element.dataset.fieldName,
              };
            },
          },
        });
      });
      return this;
    };
  }

  function note(input) {
    let shown = input.parentElement.querySelector(".photo-details");
    if (!shown) {
      shown = document.createElement("p");
      shown.className = "photo-details help";
      shown.setAttribute("role", "status");
      input.insertAdjacentElement("afterend", shown);
    }
    return shown;
  }

  function read(input) {
    const shown = note(input);
    const file = input.files && input.files[0];
    shown.textContent = "";
    if (!file) return;
    const form = input.form;
    const body = new FormData();
    body.append("file", file);
    const token = form.querySelector("input[name=csrfmiddlewaretoken]");
    fetch(input.dataset.photoDetails, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" },
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.error) {
          shown.textContent = answer.error;
          return;
        }
        const fills = JSON.parse(input.dataset.fills || "{}");
        const details = answer.details || {};
        const said = [];
        Object.keys(details).forEach(function (name) {
          const field = fills[name] && document.getElementById(fills[name]);
          if (field && !field.value.trim()) {
            field.value = details[name];
            field.dispatchEvent(new Event("input", { bubbles: true }));
          }
        });
        if (details.credit) said.push("credit " + details.credit);
        if (details.copyright_notice) said.push(details.copyright_notice);
        const parts = [];
        if (said.length) parts.push("From the photo: " + said.join("; ") + ".");
        if (answer.in_library) parts.push("Already in the library as “" + answer.in_library + "”: that one is used.");
        shown.textContent = parts.join(" ");
      })
      .catch(function () { shown.textContent = ""; });
  }

  document.addEventListener("change", function (event) {
    const input = event.target;
    if (input.matches && input.matches("input[type=file][data-photo-details]")) read(input);
  });
})();
