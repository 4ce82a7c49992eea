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
