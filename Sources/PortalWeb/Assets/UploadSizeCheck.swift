/// The uploads' part of the portal's one script, optional (the password fields' follows it,
/// `PasswordScript`): a file chosen in an upload field that is larger than
/// the field's `data-max-bytes` is refused at once with a French message, so the form is never
/// sent (the server would refuse it, maybe before reading it) and keeps everything typed.
enum UploadSizeCheck {
    static let attribute = "data-max-bytes"

    static let script = """
        "use strict";
        document.addEventListener("change", function (event) {
          var input = event.target;
          if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.hasAttribute("\(attribute)")) return;
          var limit = Number(input.getAttribute("\(attribute)"));
          var message = "";
          Array.prototype.some.call(input.files || [], function (file) {
            if (file.size <= limit) return false;
            message = "Le fichier « " + file.name + " » pèse " + megabytes(file.size) + " : la limite est de " + megabytes(limit)
              + ". Choisissez un fichier plus léger (par exemple une photo en qualité normale ou un PDF compressé).";
            return true;
          });
          input.setCustomValidity(message);
          if (message) input.reportValidity();
        });
        function megabytes(bytes) {
          return (bytes / 1048576).toLocaleString("fr-FR", { maximumFractionDigits: 1 }) + " Mo";
        }
        """
}
