/* Procedures of the citizen portal on a commune's website.
 *
 *   <div data-portail-demarches></div>                the procedure list, with search and rubrics
 *   <div data-portail-demarche="42"></div>            the "Make the request" button of one procedure
 *   <script src="https://…/integration/embed.js" async></script>
 *
 * Each placeholder gets a shadow root: the page's styles stay out, its font and colour are
 * inherited. Requests carry no credentials and the script sets no cookie. The language is the
 * placeholder's `lang` (or the page's) when the portal speaks it. */
(function () {
  "use strict";
  var config = {{ config|safe }};

  function languageOf(element) {
    var holder = element.closest("[lang]");
    var code = ((holder && holder.getAttribute("lang")) || "").slice(0, 2).toLowerCase();
    return config.languages.indexOf(code) >= 0 ? code : config.defaultLanguage;
  }

  function withLanguage(url, language) {
    var parsed = new URL(url);
    parsed.searchParams.set("lang", language);
    return parsed.toString();
  }

  function mount(placeholder) {
    if (placeholder.dataset.portailMounted) return;
    placeholder.dataset.portailMounted = "true";
    var language = languageOf(placeholder);
    var messages = config.messages[language];
    var root = placeholder.attachShadow({ mode: "open" });
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = config.stylesheet;
    var content = document.createElement("div");
    content.setAttribute("aria-busy", "true");
    content.textContent = messages.loading;
    // Says the number of results after a search or a filter (a region that stays in place).
    var announcer = document.createElement("p");
    announcer.className = "pc-visually-hidden";
    announcer.setAttribute("role", "status");
    root.append(style, announcer, content);

    function show(url, restoreFocus) {
      var active = root.activeElement;
      var focusKey = restoreFocus && active ? active.getAttribute("data-pc-key") : null;
      content.setAttribute("aria-busy", "true");
      fetch(url, { credentials: "omit", mode: "cors" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          content.innerHTML = html;
          content.removeAttribute("aria-busy");
          var target = focusKey && content.querySelector('[data-pc-key="' + focusKey + '"]');
          if (target) target.focus();
          var count = content.querySelector("[data-pc-count]");
          if (restoreFocus && count) announcer.textContent = count.textContent;
        })
        .catch(function () {
          content.removeAttribute("aria-busy");
          content.textContent = "";
          var error = document.createElement("p");
          error.setAttribute("role", "alert");
          error.textContent = messages.error + " ";
          var link = document.createElement("a");
          link.href = config.portal;
          link.textContent = messages.portal;
          error.append(link);
          content.append(error);
        });
    }

    root.addEventListener("submit", function (event) {
      var form = event.target.closest("form[data-pc-form]");
      if (!form) return;
      event.preventDefault();
      var query = new URLSearchParams(new FormData(form)).toString();
      show(form.action.split("?")[0] + "?" + query, true);
    });
    root.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-pc-link]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      show(link.href, true);
    });

    var procedure = placeholder.getAttribute("data-portail-demarche");
    var url = procedure
      ? config.button.replace("{id}", encodeURIComponent(procedure))
      : config.procedures;
    show(withLanguage(url, language), false);
  }

  function mountAll() {
    document
      .querySelectorAll("[data-portail-demarches], [data-portail-demarche]")
      .forEach(mount);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
