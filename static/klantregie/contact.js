/* Zaakstroom KCC contact screen: keyboard-first, one screen, nothing typed is lost.
 *
 * - Kennisbank search as you type (fetch, JSON); Enter opens the best article, the arrows choose
 *   another; "Gebruik dit antwoord" fills the current question.
 * - Klant search on Enter (fetch); one hit is chosen at once and its klantbeeld shown.
 * - "Vraag over deze zaak" links the current question to a zaak of the klant.
 * - Shortcuts: Alt+L klant, Alt+K kennisbank, Alt+V new question, Ctrl+Enter save.
 * - What is typed is kept in sessionStorage until the contact is saved, so a reload or a
 *   mistaken click restores it.
 * Without JavaScript the buttons submit the form and the server re-renders everything.
 */
(function () {
  "use strict";

  const form = document.getElementById("contactformulier");
  if (!form) {
    return;
  }
  const PREFIX = "vragen";
  const OPSLAG = "zaakstroom.kcc.concept";
  const totaal = form.querySelector('[name="' + PREFIX + '-TOTAL_FORMS"]');
  const vragenEl = document.getElementById("vragen");
  const template = document.getElementById("vraag-template");
  const opslaanKnop = document.getElementById("contact-opslaan");
  const klantZoek = document.getElementById("klant-zoek");
  const klantResultaten = document.getElementById("klant-resultaten");
  const klantPaneel = document.getElementById("klant-paneel");
  const klantVeld = form.querySelector('[name="klant"]');
  const geraadpleegdVeld = form.querySelector('[name="geraadpleegd"]');
  const kbZoek = document.getElementById("kb-zoek");
  const kbResultaten = document.getElementById("kb-resultaten");
  const kbStatus = document.getElementById("kb-status");
  const kbArtikel = document.getElementById("kb-artikel");
  const kbVraag = document.getElementById("kb-artikel-vraag");
  const kbAntwoord = document.getElementById("kb-artikel-antwoord");
  const kbGebruik = document.getElementById("kb-gebruik");

  let huidige = vragenEl.querySelector("fieldset.vraag");
  let gekozenArtikel = null;

  function veld(fieldset, naam) {
    return fieldset.querySelector('[name$="-' + naam + '"]');
  }

  function debounce(fn, ms) {
    let timer = null;
    return function () {
      const args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fn.apply(null, args);
      }, ms);
    };
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) {
      el.className = className;
    }
    if (text !== undefined) {
      el.textContent = text;
    }
    return el;
  }

  async function haalJson(url) {
    const response = await fetch(url, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  // --- questions ---------------------------------------------------------------------------
  // The zaaktype follows the onderwerp when that names a zaaktype (chosen from the list).
  function zaaktypeUitOnderwerp(fieldset) {
    const zaaktype = veld(fieldset, "zaaktype");
    const onderwerp = veld(fieldset, "onderwerp").value.trim().toLowerCase();
    if (zaaktype.value || !onderwerp) {
      return;
    }
    Array.prototype.forEach.call(zaaktype.options, function (optie) {
      if (optie.value && optie.text.trim().toLowerCase() === onderwerp) {
        zaaktype.value = optie.value;
      }
    });
  }

  function toonActies(fieldset) {
    const resultaat = veld(fieldset, "resultaat").value;
    if (resultaat === "zaak_gestart" || resultaat === "zaak_afgehandeld") {
      zaaktypeUitOnderwerp(fieldset);
    }
    fieldset.querySelector('[data-actie="zaak"]').hidden =
      resultaat !== "zaak_gestart" && resultaat !== "zaak_afgehandeld";
    fieldset.querySelector('[data-actie="afhandelen"]').hidden = resultaat !== "zaak_afgehandeld";
    fieldset.querySelector('[data-actie="terugbel"]').hidden = resultaat !== "terugbelverzoek";
  }

  function alleVragen() {
    return Array.prototype.slice.call(vragenEl.querySelectorAll("fieldset.vraag"));
  }

  function vraagToevoegen(focus) {
    const n = parseInt(totaal.value, 10) || 0;
    if (n >= 20) {
      return null;
    }
    const html = template.innerHTML
      .replace(/__prefix__/g, String(n))
      .replace(/__nummer__/g, String(n + 1));
    vragenEl.insertAdjacentHTML("beforeend", html);
    totaal.value = String(n + 1);
    huidige = vragenEl.lastElementChild;
    if (focus !== false) {
      veld(huidige, "onderwerp").focus();
    }
    bewaar();
    return huidige;
  }

  vragenEl.addEventListener("focusin", function (event) {
    const fieldset = event.target.closest("fieldset.vraag");
    if (fieldset) {
      huidige = fieldset;
    }
  });
  vragenEl.addEventListener("change", function (event) {
    if (event.target.name && event.target.name.endsWith("-resultaat")) {
      toonActies(event.target.closest("fieldset.vraag"));
    }
  });
  document.getElementById("vraag-toevoegen").addEventListener("click", function (event) {
    event.preventDefault();
    vraagToevoegen();
  });

  function zetResultaat(fieldset, waarde) {
    const select = veld(fieldset, "resultaat");
    if (!select.value) {
      select.value = waarde;
      toonActies(fieldset);
    }
  }

  // --- linking a zaak ------------------------------------------------------------------------
  function koppelZaak(knop) {
    const fieldset = huidige || alleVragen()[0];
    veld(fieldset, "zaak").value = knop.dataset.koppelZaak;
    const koppeling = fieldset.querySelector('[data-rol="zaak-koppeling"]');
    koppeling.querySelector('[data-rol="zaak-label"]').textContent = knop.dataset.zaakLabel;
    koppeling.hidden = false;
    if (!veld(fieldset, "onderwerp").value) {
      veld(fieldset, "onderwerp").value = knop.dataset.onderwerp;
    }
    zetResultaat(fieldset, "statusinformatie");
    const antwoord = veld(fieldset, "antwoord");
    if (!antwoord.value && knop.dataset.antwoord) {
      antwoord.value = knop.dataset.antwoord.trim();
    }
    antwoord.focus();
    bewaar();
  }

  function ontkoppelZaak(knop) {
    const fieldset = knop.closest("fieldset.vraag");
    veld(fieldset, "zaak").value = "";
    fieldset.querySelector('[data-rol="zaak-koppeling"]').hidden = true;
    veld(fieldset, "onderwerp").focus();
    bewaar();
  }

  // --- klant ---------------------------------------------------------------------------------
  function klantLeeg() {
    klantPaneel.replaceChildren(element("p", "sub", klantPaneel.dataset.leeg));
  }

  function klantWissen() {
    klantVeld.value = "";
    klantLeeg();
    klantResultaten.replaceChildren();
    klantZoek.value = "";
    klantZoek.focus();
    bewaar();
  }

  async function laadPaneel(url, focus) {
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      klantPaneel.innerHTML = await response.text();
    } catch (error) {
      klantPaneel.replaceChildren(
        element("p", "error", "Het klantbeeld kon niet worden geladen. Probeer het opnieuw.")
      );
      return;
    }
    if (focus) {
      const eersteZaak = klantPaneel.querySelector("summary");
      (eersteZaak || klantPaneel.querySelector("h3")).focus();
    }
  }

  function paneelUrl(uuid) {
    return form.dataset.klantUrl.replace("zoek.json", uuid + "/paneel/");
  }

  async function kiesKlant(klant) {
    klantVeld.value = klant.uuid;
    klantResultaten.replaceChildren(element("p", "sub", "Klant gekozen: " + klant.naam + "."));
    await laadPaneel(klant.paneel || paneelUrl(klant.uuid), true);
    bewaar();
  }

  async function zoekKlant() {
    const term = klantZoek.value.trim();
    if (!term) {
      return;
    }
    klantResultaten.replaceChildren(element("p", "sub", "Zoeken…"));
    let data;
    try {
      data = await haalJson(form.dataset.klantUrl + "?q=" + encodeURIComponent(term));
    } catch (error) {
      klantResultaten.replaceChildren(
        element("p", "error", "Zoeken lukte niet. Probeer het opnieuw.")
      );
      return;
    }
    klantResultaten.replaceChildren();
    if (data.melding) {
      klantResultaten.appendChild(element("p", "hint", data.melding));
    }
    if (data.klanten.length === 1) {
      await kiesKlant(data.klanten[0]);
      return;
    }
    if (!data.klanten.length) {
      if (!data.melding) {
        klantResultaten.appendChild(element("p", "", "Geen klant gevonden."));
      }
      return;
    }
    const lijst = element("ul", "plain keuzelijst");
    data.klanten.forEach(function (klant) {
      const knop = element(
        "button",
        "keuze",
        [klant.naam, klant.geboortedatum, klant.adres || "geen adres"].filter(Boolean).join(" · ")
      );
      knop.type = "button";
      knop.addEventListener("click", function () {
        kiesKlant(klant);
      });
      const li = element("li");
      li.appendChild(knop);
      lijst.appendChild(li);
    });
    klantResultaten.appendChild(lijst);
    lijst.querySelector("button").focus();
  }

  klantZoek.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      zoekKlant();
    } else if (event.key === "ArrowDown") {
      const eerste = klantResultaten.querySelector("button");
      if (eerste) {
        event.preventDefault();
        eerste.focus();
      }
    }
  });
  document.getElementById("klant-zoek-knop").addEventListener("click", function (event) {
    event.preventDefault();
    zoekKlant();
  });

  // --- kennisbank ----------------------------------------------------------------------------
  let artikelen = [];
  let laatsteZoekterm = null;
  let lopend = null;

  function markeerGeraadpleegd(uuid) {
    const uuids = new Set(geraadpleegdVeld.value.split(/\s+/).filter(Boolean));
    uuids.add(uuid);
    geraadpleegdVeld.value = Array.from(uuids).join(" ");
  }

  function toonResultaten() {
    kbResultaten.replaceChildren();
    artikelen.forEach(function (artikel, index) {
      const knop = element("button", "keuze", artikel.vraag);
      knop.type = "button";
      knop.dataset.index = String(index);
      if (artikel.product) {
        knop.appendChild(document.createTextNode(" "));
        knop.appendChild(element("span", "sub", artikel.product));
      }
      const li = element("li");
      li.appendChild(knop);
      kbResultaten.appendChild(li);
    });
    const n = artikelen.length;
    kbStatus.textContent = laatsteZoekterm
      ? n === 1
        ? "1 artikel gevonden."
        : n + " artikelen gevonden."
      : "";
  }

  function zoekKennisbank() {
    const term = kbZoek.value.trim();
    if (term === laatsteZoekterm && lopend) {
      return lopend;
    }
    laatsteZoekterm = term;
    if (!term) {
      artikelen = [];
      toonResultaten();
      lopend = Promise.resolve();
      return lopend;
    }
    lopend = haalJson(form.dataset.kennisbankUrl + "?q=" + encodeURIComponent(term))
      .then(function (data) {
        if (term === laatsteZoekterm) {
          artikelen = data.artikelen;
          toonResultaten();
        }
      })
      .catch(function () {
        kbStatus.textContent = "Zoeken in de kennisbank lukte niet. Probeer het opnieuw.";
      });
    return lopend;
  }

  function toonArtikel(artikel) {
    gekozenArtikel = artikel;
    kbVraag.textContent = artikel.vraag;
    kbAntwoord.textContent = artikel.antwoord;
    kbArtikel.hidden = false;
    markeerGeraadpleegd(artikel.uuid);
    kbGebruik.focus();
    bewaar();
  }

  function gebruikArtikel(artikel) {
    const fieldset = huidige || alleVragen()[0];
    veld(fieldset, "onderwerp").value = artikel.vraag;
    veld(fieldset, "antwoord").value = artikel.antwoord;
    veld(fieldset, "kennisartikel").value = artikel.uuid;
    fieldset.querySelector('[data-rol="artikel-koppeling"]').hidden = false;
    zetResultaat(fieldset, "direct_beantwoord");
    const zaaktype = veld(fieldset, "zaaktype");
    if (artikel.zaaktype && !zaaktype.value) {
      zaaktype.value = artikel.zaaktype;
    }
    markeerGeraadpleegd(artikel.uuid);
    veld(fieldset, "antwoord").focus();
    bewaar();
  }

  kbZoek.addEventListener("input", debounce(zoekKennisbank, 150));
  const kbZoekKnop = form.querySelector('button[value="kennisbank_zoeken"]');
  kbZoekKnop.addEventListener("click", function (event) {
    event.preventDefault();
    zoekKennisbank().then(function () {
      const eerste = kbResultaten.querySelector("button");
      (eerste || kbZoek).focus();
    });
  });
  kbZoek.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      zoekKennisbank().then(function () {
        if (artikelen.length) {
          toonArtikel(artikelen[0]);
        }
      });
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      zoekKennisbank().then(function () {
        const eerste = kbResultaten.querySelector("button");
        if (eerste) {
          eerste.focus();
        }
      });
    }
  });
  kbResultaten.addEventListener("click", function (event) {
    const knop = event.target.closest("button");
    if (!knop) {
      return;
    }
    event.preventDefault();
    const index = parseInt(knop.dataset.index, 10);
    if (!Number.isNaN(index) && artikelen[index]) {
      toonArtikel(artikelen[index]);
    }
  });
  kbResultaten.addEventListener("keydown", function (event) {
    const knoppen = Array.prototype.slice.call(kbResultaten.querySelectorAll("button"));
    const index = knoppen.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    if (event.key === "ArrowDown" && index < knoppen.length - 1) {
      event.preventDefault();
      knoppen[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index > 0 ? knoppen[index - 1] : kbZoek).focus();
    }
  });
  kbGebruik.addEventListener("click", function () {
    if (gekozenArtikel) {
      gebruikArtikel(gekozenArtikel);
    }
  });
  // Server-rendered results (no-JS search) still work: fetch them again as JSON.
  if (kbZoek.value && kbResultaten.children.length) {
    zoekKennisbank();
  }

  // --- clicks on buttons inside fetched or server-rendered parts ---------------------------
  form.addEventListener("click", function (event) {
    const koppel = event.target.closest("[data-koppel-zaak]");
    if (koppel) {
      event.preventDefault();
      koppelZaak(koppel);
      return;
    }
    const ontkoppel = event.target.closest('[data-rol="zaak-ontkoppelen"]');
    if (ontkoppel) {
      event.preventDefault();
      ontkoppelZaak(ontkoppel);
      return;
    }
    const wissen = event.target.closest('[data-rol="klant-wissen"]');
    if (wissen) {
      event.preventDefault();
      klantWissen();
    }
  });

  // --- keyboard ----------------------------------------------------------------------------
  function opslaan() {
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit(opslaanKnop);
    } else {
      opslaanKnop.click();
    }
  }

  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      opslaan();
    } else if (event.altKey && !event.ctrlKey && !event.metaKey) {
      if (event.code === "KeyK") {
        event.preventDefault();
        kbZoek.focus();
        kbZoek.select();
      } else if (event.code === "KeyL") {
        event.preventDefault();
        klantZoek.focus();
        klantZoek.select();
      } else if (event.code === "KeyV") {
        event.preventDefault();
        vraagToevoegen();
      }
    }
  });
  // Enter in a one-line field must not submit half a contact (or run the no-JS search button).
  form.addEventListener("keydown", function (event) {
    const doel = event.target;
    if (
      event.key === "Enter" &&
      !event.ctrlKey &&
      !event.metaKey &&
      doel.tagName === "INPUT" &&
      doel.type !== "submit" &&
      doel.type !== "button"
    ) {
      event.preventDefault();
    }
  });

  // --- never lose what was typed -----------------------------------------------------------
  function opslagBeschikbaar() {
    try {
      return window.sessionStorage !== undefined && window.sessionStorage !== null;
    } catch (error) {
      return false;
    }
  }

  let wordtVerzonden = false;

  function bewaar() {
    if (!opslagBeschikbaar()) {
      return;
    }
    const velden = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.type === "submit" || el.type === "button") {
        return;
      }
      velden[el.name] = el.value;
    });
    try {
      sessionStorage.setItem(OPSLAG, JSON.stringify({ velden: velden, verzonden: wordtVerzonden }));
    } catch (error) {
      /* storage full or disabled: the form itself still works */
    }
  }

  function herstel() {
    if (!opslagBeschikbaar()) {
      return;
    }
    let concept = null;
    try {
      concept = JSON.parse(sessionStorage.getItem(OPSLAG) || "null");
    } catch (error) {
      concept = null;
    }
    if (!concept) {
      return;
    }
    if (concept.verzonden || form.dataset.vers !== "1") {
      sessionStorage.removeItem(OPSLAG);
      return;
    }
    const velden = concept.velden || {};
    const aantal = parseInt(velden[PREFIX + "-TOTAL_FORMS"], 10) || 1;
    while (alleVragen().length < aantal) {
      vraagToevoegen(false);
    }
    Object.keys(velden).forEach(function (naam) {
      const el = form.elements.namedItem(naam);
      if (el && el.type !== "submit" && el.type !== "button" && naam !== "csrfmiddlewaretoken") {
        el.value = velden[naam];
      }
    });
    alleVragen().forEach(function (fieldset) {
      toonActies(fieldset);
      fieldset.querySelector('[data-rol="artikel-koppeling"]').hidden = !veld(fieldset, "kennisartikel").value;
      const zaak = veld(fieldset, "zaak").value;
      const koppeling = fieldset.querySelector('[data-rol="zaak-koppeling"]');
      koppeling.hidden = !zaak;
      if (zaak && !koppeling.querySelector('[data-rol="zaak-label"]').textContent) {
        koppeling.querySelector('[data-rol="zaak-label"]').textContent = "gekoppelde zaak";
      }
    });
    if (klantVeld.value) {
      laadPaneel(paneelUrl(klantVeld.value), false);
    }
    bewaar();
    const melding = element("div", "message message-warning");
    melding.setAttribute("role", "status");
    melding.appendChild(element("span", "", "Wat u nog niet had opgeslagen is teruggezet. "));
    const opnieuw = element("button", "link-button", "Begin een nieuw contact");
    opnieuw.type = "button";
    opnieuw.addEventListener("click", function () {
      sessionStorage.removeItem(OPSLAG);
      window.location.reload();
    });
    melding.appendChild(opnieuw);
    form.insertBefore(melding, form.firstChild);
  }

  form.addEventListener("input", debounce(bewaar, 300));
  form.addEventListener("change", bewaar);
  form.addEventListener("submit", function (event) {
    const actie = event.submitter ? event.submitter.value : "opslaan";
    if (actie === "opslaan") {
      // A late (debounced) save of the draft must not bring it back on the next screen.
      wordtVerzonden = true;
      bewaar();
    }
  });

  herstel();
  alleVragen().forEach(toonActies);
  const foutmeldingen = document.getElementById("foutmeldingen");
  if (foutmeldingen) {
    foutmeldingen.focus();
  }
  form.dataset.klaar = "1"; // the screen is ready for the keyboard (used by the browser tests)
})();
