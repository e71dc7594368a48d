/* Zaakstroom PIP: small progressive enhancements. The pages work without JavaScript.
   - Put the keyboard focus on the error summary after a form came back with errors.
   - Session timeout: warn before the idle session ends (the server enforces the timeout). */
(function () {
  "use strict";

  var foutoverzicht = document.querySelector("[data-focus]");
  if (foutoverzicht) {
    foutoverzicht.focus();
  }

  var body = document.body;
  var idle = parseInt(body.getAttribute("data-sessie-idle"), 10);
  var waarschuwing = parseInt(body.getAttribute("data-sessie-waarschuwing"), 10);
  var verlengenUrl = body.getAttribute("data-sessie-verlengen");
  var startUrl = body.getAttribute("data-sessie-start");
  var dialoog = document.getElementById("sessie-dialoog");
  if (!idle || !dialoog || typeof dialoog.showModal !== "function") {
    return;
  }
  waarschuwing = Math.min(waarschuwing || 120, idle);
  var resterend = dialoog.querySelector("[data-sessie-resterend]");
  var blijven = dialoog.querySelector("[data-sessie-blijven]");
  var tokenVeld = dialoog.querySelector("input[name=csrfmiddlewaretoken]");
  var einde = 0;
  var timers = [];

  function wis() {
    timers.forEach(function (t) { clearTimeout(t); clearInterval(t); });
    timers = [];
  }

  function tekst(seconden) {
    if (seconden > 90) {
      return Math.ceil(seconden / 60) + " minuten";
    }
    if (seconden > 60) {
      return "ruim een minuut";
    }
    return "minder dan een minuut";
  }

  function toonWaarschuwing() {
    resterend.textContent = tekst(Math.max(0, Math.round((einde - Date.now()) / 1000)));
    if (!dialoog.open) {
      dialoog.showModal();
      blijven.focus();
    }
    timers.push(setInterval(function () {
      resterend.textContent = tekst(Math.max(0, Math.round((einde - Date.now()) / 1000)));
    }, 15000));
  }

  function verlopen() {
    // The server has ended the session by now; it shows the login page with an explanation.
    window.location.href = startUrl;
  }

  function plan() {
    wis();
    einde = Date.now() + idle * 1000;
    timers.push(setTimeout(toonWaarschuwing, (idle - waarschuwing) * 1000));
    timers.push(setTimeout(verlopen, idle * 1000 + 1000));
  }

  blijven.addEventListener("click", function () {
    fetch(verlengenUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": tokenVeld ? tokenVeld.value : "" }
    }).then(function (antwoord) {
      if (antwoord.ok) {
        dialoog.close();
        plan();
      } else {
        verlopen();
      }
    }, verlopen);
  });

  dialoog.addEventListener("cancel", function (event) {
    // Escape means "I am still here".
    event.preventDefault();
    blijven.click();
  });

  plan();
})();
