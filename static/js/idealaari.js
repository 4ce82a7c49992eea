// Small progressive enhancements layered on top of htmx. The pages work without this file.
(function () {
  "use strict";

  function announce(message) {
    var region = document.getElementById("live-messages");
    if (!region) {
      region = document.createElement("div");
      region.id = "live-messages";
      region.className = "flashes floating";
      region.setAttribute("role", "alert");
      document.body.appendChild(region);
    }
    region.innerHTML = "";
    var p = document.createElement("p");
    p.className = "flash flash-error";
    p.textContent = message;
    region.appendChild(p);
  }

  // htmx does not swap error responses; show their message instead of failing silently.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var message = "";
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      var el = doc.querySelector("#htmx-error, .lead");
      message = el ? el.textContent.trim() : "";
    } catch (e) { /* keep the fallback */ }
    announce(message || document.documentElement.dataset.errorMessage || "Error " + xhr.status);
  });

  document.addEventListener("htmx:sendError", function () {
    announce(document.documentElement.dataset.networkError || "Network error");
  });

  // Keep keyboard focus after a swap (WCAG 2.4.3). When the focused element goes away with the
  // content an htmx request replaced, focus what the new content marks with data-focus (the
  // button that replaced the pressed one, or the message that answers it), else its first
  // control, else the new content itself. htmx already restores focus to an element with the
  // same id, and focuses [autofocus] (comment forms use that); then nothing is done here.
  var focusLost = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var active = document.activeElement;
    var target = event.detail.target;
    focusLost = active && active !== document.body && target && target.contains(active) ? active : null;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!focusLost) { return; }
    var active = document.activeElement;
    if (active && active !== document.body && active !== focusLost && document.body.contains(active)) {
      focusLost = null;
      return;
    }
    var root = event.detail.elt;
    if (!root || !document.body.contains(root)) { return; }
    focusLost = null;
    var marked = root.matches("[data-focus]") ? root : root.querySelector("[data-focus]");
    var next = marked || root.querySelector("button:not([disabled]), a[href], input:not([type=hidden]), select, textarea");
    if (!next) {
      next = root;
    }
    if (next.tabIndex < 0 && !next.hasAttribute("tabindex")) {
      next.setAttribute("tabindex", "-1");
    }
    next.focus();
  });

  // The own menu in the header closes with Escape and when focus or a click goes elsewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var menu = document.querySelector(".user-menu[open]");
    if (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", function (event) {
    var menu = document.querySelector(".user-menu[open]");
    if (menu && !menu.contains(event.target)) { menu.open = false; }
  });
  document.addEventListener("focusin", function (event) {
    var menu = document.querySelector(".user-menu[open]");
    if (menu && !menu.contains(event.target)) { menu.open = false; }
  });

  // Partner roles only matter when the idea seeks partners.
  function syncPartnerRoles() {
    var toggle = document.getElementById("seeks_partners");
    var roles = document.getElementById("field-partner_roles");
    if (toggle && roles) {
      roles.hidden = !toggle.checked;
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "seeks_partners") { syncPartnerRoles(); }
  });
  document.addEventListener("DOMContentLoaded", syncPartnerRoles);
  document.addEventListener("htmx:afterSettle", syncPartnerRoles);
})();
