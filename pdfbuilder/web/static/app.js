// The clinic web page, better with JavaScript: the preview follows the form as it changes.
// Without this file the page works the same through plain form posts.
"use strict";

(function () {
  const form = document.getElementById("leaflet-form");
  const summary = document.getElementById("error-summary");
  if (summary && !summary.hidden) {
    summary.focus();
  }
  if (!form) {
    return;
  }
  const pages = document.getElementById("preview-pages");
  const status = document.getElementById("preview-status");
  const token = form.querySelector("input[name=csrf_token]").value;
  let timer = null;
  let running = null;
  let sequence = 0;
  // The ids of the pictures shown, page by page, as the server gave them: sent back, so
  // that only pages that changed are drawn again (the server sends null for the others).
  let shownIds = [];

  function fieldError(id, message) {
    const box = document.getElementById(id + "-error");
    const input = document.getElementById(id);
    if (box) {
      box.querySelector(".error-text").textContent = message || "";
      box.hidden = !message;
      const wrapper = box.closest(".field, .dose");
      if (wrapper) {
        wrapper.classList.toggle("has-error", Boolean(message));
      }
    }
    if (input) {
      if (message) {
        input.setAttribute("aria-invalid", "true");
      } else {
        input.removeAttribute("aria-invalid");
      }
    }
  }

  function showErrors(errors, general, takeFocus) {
    form.querySelectorAll(".error").forEach(function (box) {
      fieldError(box.id.replace(/-error$/, ""), "");
    });
    errors.forEach(function (e) { fieldError(e.id, e.message); });
    const list = summary.querySelector("ul");
    list.replaceChildren();
    errors.forEach(function (e) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = "#" + e.id;
      link.textContent = e.summary;
      item.appendChild(link);
      list.appendChild(item);
    });
    general.forEach(function (message) {
      const item = document.createElement("li");
      item.textContent = message;
      list.appendChild(item);
    });
    const any = errors.length + general.length > 0;
    summary.hidden = !any;
    if (any && takeFocus) {
      summary.focus();
    }
  }

  // False if a page to keep is not there to keep (then nothing is changed).
  function showPages(urls, total, ids) {
    const shown = pages.querySelectorAll("img");
    if (urls.some(function (url, i) { return url === null && !shown[i]; })) {
      return false;
    }
    const images = urls.map(function (url, i) {
      const img = url === null ? shown[i] : document.createElement("img");
      if (url !== null) {
        img.src = url;
      }
      img.alt = "Page " + (i + 1) + " of " + total + " of the leaflet";
      return img;
    });
    pages.replaceChildren.apply(pages, images);
    shownIds = ids || [];
    const count = total > urls.length
      ? "The first " + urls.length + " of " + total + " pages"
      : total + (total === 1 ? " page" : " pages");
    status.textContent = count + ", as they will print.";
    return true;
  }

  function update(takeFocus) {
    clearTimeout(timer);
    if (running) {
      running.abort();
    }
    const controller = new AbortController();
    running = controller;
    const mine = ++sequence;
    pages.classList.add("updating");
    status.textContent = "Updating the preview…";
    const fields = new URLSearchParams(new FormData(form));
    fields.append("page_ids", shownIds.join(" "));
    fetch("/preview", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": token },
      body: fields,
      credentials: "same-origin",
      signal: controller.signal,
    })
      .then(function (response) {
        if (response.status === 403 && takeFocus) {
          // Out of date (the server restarted): post the form itself, which keeps every
          // field and comes back with a fresh token.
          form.requestSubmit(document.getElementById("preview-button"));
        }
        return response.json();
      })
      .then(function (data) {
        if (mine !== sequence) {
          return;
        }
        showErrors(data.errors, data.general, takeFocus);
        pages.classList.toggle("stale", !data.pages.length);
        if (data.pages.length) {
          if (!showPages(data.pages, data.total, data.ids)) {
            shownIds = [];  // the pictures kept were not the ones named: draw them all
            update(takeFocus);
          }
        } else {
          status.textContent = "The preview (faded) is out of date: see the problem above.";
        }
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          status.textContent = "The preview could not be updated. Press “Show preview” to try again.";
        }
      })
      .finally(function () {
        if (mine === sequence) {
          pages.classList.remove("updating");
          running = null;
        }
      });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { update(false); }, 400);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  document.getElementById("preview-button").addEventListener("click", function (event) {
    event.preventDefault();
    update(true);
  });
  update(false);
})();
