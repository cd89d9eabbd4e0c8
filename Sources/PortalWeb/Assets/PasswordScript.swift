/// The password fields' part of the portal's one script (`AssetPaths.script`, after the
/// uploads' size check): a button shows what was typed (ASVS 2.1.12), and a new password's
/// strength is told while typing, against the town's rule carried by the field's data
/// attributes (ASVS 2.1.8). The server applies the same rule (`PasswordPolicy.problems`);
/// without the script the forms work the same. Nothing is stored in the browser and nothing
/// blocks pasting or password managers.
enum PasswordScript {
    // The leading `;` keeps the part a statement of its own after the one before it.
    static let javascript = #"""
    ;(function () {
      "use strict";
      var names = { lower: "une minuscule", upper: "une majuscule", digit: "un chiffre", special: "un caractère spécial" };
      var pools = { lower: 26, upper: 26, digit: 10, special: 33 };

      function characters(text) {
        if (window.Intl && Intl.Segmenter) {
          return Array.from(new Intl.Segmenter("fr", { granularity: "grapheme" }).segment(text), function (part) { return part.segment; });
        }
        return Array.from(text);
      }

      function classOf(character) {
        if (/^[0-9]$/.test(character)) { return "digit"; }
        if (/^\p{Ll}/u.test(character)) { return "lower"; }
        if (/^\p{Lu}/u.test(character)) { return "upper"; }
        return "special";
      }

      // The CNIL's estimate, as the server computes it: length × log2(size of the classes used).
      function strength(input, text) {
        var typed = characters(text), used = {};
        typed.forEach(function (character) { used[classOf(character)] = true; });
        var pool = Object.keys(used).reduce(function (sum, name) { return sum + pools[name]; }, 0);
        var bits = pool > 1 ? typed.length * Math.log2(pool) : 0;
        var missing = [];
        var length = Number(input.dataset.longueurMin || 0);
        if (typed.length < length) { missing.push("au moins " + length + " caractères"); }
        (input.dataset.classes || "").split(" ").filter(Boolean).forEach(function (name) {
          if (!used[name]) { missing.push(names[name]); }
        });
        var enough = bits >= Number(input.dataset.entropieMin || 0);
        if (!enough) { missing.push("plus de longueur ou de variété"); }
        return missing.length === 0
          ? "Solidité : suffisante. Les mots de passe trop courants restent refusés à l'envoi."
          : "Solidité : insuffisante – il faut encore " + missing.join(", ") + ".";
      }

      document.querySelectorAll("input[type=password]").forEach(function (input) {
        var show = document.createElement("button");
        show.type = "button";
        show.className = "button secondary show-password";
        show.textContent = "Afficher";
        show.setAttribute("aria-controls", input.id);
        show.setAttribute("aria-pressed", "false");
        show.addEventListener("click", function () {
          var hidden = input.type === "password";
          input.type = hidden ? "text" : "password";
          show.textContent = hidden ? "Masquer" : "Afficher";
          show.setAttribute("aria-pressed", hidden ? "true" : "false");
        });
        input.insertAdjacentElement("afterend", show);

        if (input.dataset.entropieMin === undefined) { return; }
        var meter = document.createElement("p");
        meter.className = "hint password-strength";
        meter.id = input.id + "-solidite";
        meter.setAttribute("aria-live", "polite");
        show.insertAdjacentElement("afterend", meter);
        input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + meter.id).trim());
        input.addEventListener("input", function () {
          meter.textContent = input.value === "" ? "" : strength(input, input.value);
        });
      });
    })();
    """#
}
