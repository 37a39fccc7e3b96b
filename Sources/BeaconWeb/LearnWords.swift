import BeaconCore

/// The words of the browser's sign-in, enrolment and answer pages, per language; the screens
/// themselves are the player's own (PlayerWords).
struct LearnWords: Sendable {
    let crisisLink: String
    let signInTitle: String
    let signInIntro: String
    let idLabel: String
    let passphraseLabel: String
    let signInButton: String
    let firstTime: String
    let enrolTitle: String
    let enrolIntro: String
    let codeLabel: String
    let newPassphraseLabel: String
    let repeatLabel: String
    let enrolButton: String
    let wrongPassphrase: String
    let locked: @Sendable (_ minutes: Int) -> String
    let shortPassphrase: @Sendable (_ minimum: Int) -> String
    let passphrasesDiffer: String
    let formExpired: String
    let welcome: @Sendable (_ id: String) -> String
    let answerLabel: String
    let sendButton: String
    let answerHint: String
    let signOutButton: String
    let signedOut: String
    let left: String
    let carryOn: String
    let busy: String
    let tooLong: @Sendable (_ maximum: Int) -> String
    let crisisTitle: String
    let back: String
    let plainPage: String
    let terminalLabel: String
    let openTerminal: String

    static func `in`(_ language: Language) -> LearnWords {
        switch language {
        case .english: english
        case .spanish: spanish
        }
    }

    static let english = LearnWords(
        crisisLink: "Crisis support: who to call or text now",
        signInTitle: "Sign in to your course",
        signInIntro: "Type the sign-in id Beacon gave you when you enrolled, and your passphrase.",
        idLabel: "Sign-in id",
        passphraseLabel: "Passphrase",
        signInButton: "Sign in",
        firstTime: "First time here? Enrol with the code your trainer gave you",
        enrolTitle: "Enrol with your code",
        enrolIntro: "Type the enrolment code your trainer gave you (like K7QM-4XTP-9WHC) and choose a passphrase: a few words you will remember, at least 10 characters. Only a scrambled form of it is kept.",
        codeLabel: "Enrolment code",
        newPassphraseLabel: "Passphrase (at least 10 characters)",
        repeatLabel: "The same passphrase again",
        enrolButton: "Enrol",
        wrongPassphrase: "That sign-in id and passphrase do not match. Check both and try again.",
        locked: { minutes in "Too many tries that did not work. Signing in is paused for \(minutes) minutes; your trainer can help sooner." },
        shortPassphrase: { minimum in "Choose a passphrase of at least \(minimum) characters: a few words you will remember." },
        passphrasesDiffer: "The two passphrases are not the same. Type it twice, exactly.",
        formExpired: "This form had expired. It is fresh now: please try again.",
        welcome: { id in "You are enrolled. Your sign-in id is \(id): note it, with your passphrase, for next time." },
        answerLabel: "Your answer",
        sendButton: "Send",
        answerHint: "Type the number or words the screen asks for. Type ! for crisis support, ? for help, q to go back. Every answer is saved as you send it.",
        signOutButton: "Sign out",
        signedOut: "You are signed out. Everything you answered is saved.",
        left: "You have left the course for now. Everything you answered is saved.",
        carryOn: "Carry on",
        busy: "Beacon is at its limit of learners at once. Please try again in a few minutes.",
        tooLong: { maximum in "That answer is longer than \(maximum) characters; please shorten it." },
        crisisTitle: "Crisis support",
        back: "Back",
        plainPage: "The plain page (screen readers, small screens)",
        terminalLabel: "Course terminal: type your answers; ! for crisis support, ? for help",
        openTerminal: "Open the course as a terminal in this page"
    )

    static let spanish = LearnWords(
        crisisLink: "Ayuda en crisis: a quién llamar o escribir ahora",
        signInTitle: "Entrar a su curso",
        signInIntro: "Escriba el identificador que Beacon le dio al inscribirse, y su frase de acceso.",
        idLabel: "Identificador",
        passphraseLabel: "Frase de acceso",
        signInButton: "Entrar",
        firstTime: "¿Es su primera vez? Inscríbase con el código que le dio su capacitador o capacitadora",
        enrolTitle: "Inscribirse con su código",
        enrolIntro: "Escriba el código de inscripción que le dieron (como K7QM-4XTP-9WHC) y elija una frase de acceso: unas palabras que recuerde, de al menos 10 caracteres. Solo se guarda una forma cifrada de ella.",
        codeLabel: "Código de inscripción",
        newPassphraseLabel: "Frase de acceso (al menos 10 caracteres)",
        repeatLabel: "La misma frase otra vez",
        enrolButton: "Inscribirse",
        wrongPassphrase: "Ese identificador y esa frase de acceso no coinciden. Revise los dos e inténtelo de nuevo.",
        locked: { minutes in "Demasiados intentos que no funcionaron. La entrada queda en pausa por \(minutes) minutos; su capacitador o capacitadora puede ayudarle antes." },
        shortPassphrase: { minimum in "Elija una frase de acceso de al menos \(minimum) caracteres: unas palabras que recuerde." },
        passphrasesDiffer: "Las dos frases no son iguales. Escríbala dos veces, exactamente igual.",
        formExpired: "Este formulario había vencido. Ya está renovado: inténtelo de nuevo.",
        welcome: { id in "Ya está inscrito o inscrita. Su identificador es \(id): anótelo, junto con su frase de acceso, para la próxima vez." },
        answerLabel: "Su respuesta",
        sendButton: "Enviar",
        answerHint: "Escriba el número o las palabras que pide la pantalla. Escriba ! para ayuda en crisis, ? para ayuda, q para volver. Cada respuesta se guarda al enviarla.",
        signOutButton: "Salir",
        signedOut: "Salió de su cuenta. Todo lo que respondió está guardado.",
        left: "Dejó el curso por ahora. Todo lo que respondió está guardado.",
        carryOn: "Seguir",
        busy: "Beacon llegó a su límite de participantes a la vez. Por favor, inténtelo de nuevo en unos minutos.",
        tooLong: { maximum in "Esa respuesta tiene más de \(maximum) caracteres; por favor, acórtela." },
        crisisTitle: "Ayuda en crisis",
        back: "Volver",
        plainPage: "La página sencilla (lectores de pantalla, pantallas pequeñas)",
        terminalLabel: "Terminal del curso: escriba sus respuestas; ! para ayuda en crisis, ? para ayuda",
        openTerminal: "Abrir el curso como terminal en esta página"
    )
}
