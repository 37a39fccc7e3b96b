import BeaconCore
import BeaconServer
import BeaconTerminal

/// The pages of learning in a browser without JavaScript: sign-in, enrolment, the screen with one
/// answer field, and crisis support, which every page links to first.
enum LearnPages {
    static let style = """
        <style>
        .crisis { font-weight: bold; }
        .screen p { margin: .4rem 0; }
        .screen .indent { margin-left: 1.5rem; }
        .screen .keys { color: #444; font-size: .95rem; border-top: 1px solid #ccc; padding-top: .4rem; }
        form.answer input[type=text] { width: 100%; font-size: 1.1rem; padding: .4rem; box-sizing: border-box; }
        input[type=password], input[type=text] { font-size: 1.05rem; padding: .3rem; max-width: 100%; }
        .note { padding: .6rem; border: 2px solid #1a7f37; background: #eaf7ee; }
        .problem { padding: .6rem; border: 2px solid #b42318; background: #fdecea; }
        </style>
        """

    static func frame(_ title: String, _ body: String, words: LearnWords, language: Language, path: String) -> String {
        let top = "<p class=\"crisis\"><a href=\"/learn/crisis?lang=\(language.rawValue)\">\(escapeHTML(words.crisisLink))</a></p>"
        return page(title: title, body: style + top + body, PageWords.in(language), switchTo: path)
    }

    static func problem(_ text: String?) -> String {
        text.map { "<p class=\"problem\" role=\"alert\">\(escapeHTML($0))</p>" } ?? ""
    }

    static func signIn(problem text: String?, form: String, words: LearnWords, language: Language) -> String {
        frame(words.signInTitle, """
            <h1>\(escapeHTML(words.signInTitle))</h1>
            \(problem(text))
            <p>\(escapeHTML(words.signInIntro))</p>
            <form method="post" action="/learn/sign-in?lang=\(language.rawValue)">
            <input type="hidden" name="form" value="\(escapeHTML(form))">
            <p><label for="id">\(escapeHTML(words.idLabel))</label><br><input id="id" name="id" type="text" autocomplete="username" autocapitalize="none" maxlength="80" required></p>
            <p><label for="passphrase">\(escapeHTML(words.passphraseLabel))</label><br><input id="passphrase" name="passphrase" type="password" autocomplete="current-password" maxlength="200" required></p>
            <p><button type="submit">\(escapeHTML(words.signInButton))</button></p>
            </form>
            <p><a href="/learn/enrol?lang=\(language.rawValue)">\(escapeHTML(words.firstTime))</a></p>
            """, words: words, language: language, path: "/learn")
    }

    static func enrol(problem text: String?, form: String, words: LearnWords, language: Language) -> String {
        frame(words.enrolTitle, """
            <h1>\(escapeHTML(words.enrolTitle))</h1>
            \(problem(text))
            <p>\(escapeHTML(words.enrolIntro))</p>
            <form method="post" action="/learn/enrol?lang=\(language.rawValue)">
            <input type="hidden" name="form" value="\(escapeHTML(form))">
            <p><label for="code">\(escapeHTML(words.codeLabel))</label><br><input id="code" name="code" type="text" autocomplete="one-time-code" autocapitalize="characters" maxlength="40" required></p>
            <p><label for="passphrase">\(escapeHTML(words.newPassphraseLabel))</label><br><input id="passphrase" name="passphrase" type="password" autocomplete="new-password" minlength="10" maxlength="200" required></p>
            <p><label for="again">\(escapeHTML(words.repeatLabel))</label><br><input id="again" name="again" type="password" autocomplete="new-password" maxlength="200" required></p>
            <p><button type="submit">\(escapeHTML(words.enrolButton))</button></p>
            </form>
            <p><a href="/learn?lang=\(language.rawValue)">\(escapeHTML(words.signInTitle))</a></p>
            """, words: words, language: language, path: "/learn/enrol")
    }

    /// The trainee's current screen and the one field that answers it.
    static func screen(_ text: String, note: String?, problem text2: String?, csrf: String, words: LearnWords, player: PlayerWords, language: Language, terminal: Bool = false) -> String {
        let screen = ScreenHTML.render(text, keysLabel: player.chrome.keysLabel)
        return frame(words.signInTitle, """
            \(note.map { "<p class=\"note\" role=\"status\">\(escapeHTML($0))</p>" } ?? "")
            \(problem(text2))
            <div class="screen">
            \(screen)
            </div>
            <form class="answer" method="post" action="/learn/answer?lang=\(language.rawValue)">
            <input type="hidden" name="csrf" value="\(escapeHTML(csrf))">
            <p><label for="answer">\(escapeHTML(words.answerLabel))</label><br>
            <input id="answer" name="answer" type="text" autocomplete="off" autofocus maxlength="2000"></p>
            <p><button type="submit">\(escapeHTML(words.sendButton))</button></p>
            <p class="keys">\(escapeHTML(words.answerHint))</p>
            </form>
            \(terminal ? "<p><a href=\"/learn/terminal?lang=\(language.rawValue)\">\(escapeHTML(words.openTerminal))</a></p>" : "")
            <form method="post" action="/learn/sign-out?lang=\(language.rawValue)">
            <input type="hidden" name="csrf" value="\(escapeHTML(csrf))">
            <p><button type="submit">\(escapeHTML(words.signOutButton))</button></p>
            </form>
            """, words: words, language: language, path: "/learn")
    }

    static func message(_ text: String, words: LearnWords, language: Language) -> String {
        frame(words.signInTitle, """
            <h1>\(escapeHTML(words.signInTitle))</h1>
            <p class="note" role="status">\(escapeHTML(text))</p>
            <p><a href="/learn?lang=\(language.rawValue)">\(escapeHTML(words.carryOn))</a></p>
            """, words: words, language: language, path: "/learn")
    }

    static func crisis(_ resources: CrisisResources, words: LearnWords, player: PlayerWords, language: Language) -> String {
        var body = "<h1>\(escapeHTML(words.crisisTitle))</h1><p>\(escapeHTML(resources.heading))</p><ul>"
        for resource in resources.resources {
            body += "<li><strong>\(escapeHTML(resource.name))</strong>: \(escapeHTML(resource.how))</li>"
        }
        body += "</ul>"
        if let elsewhere = resources.elsewhere { body += "<p>\(escapeHTML(elsewhere))</p>" }
        let checked = resources.reviewedParts.map { player.chrome.date($0.year, $0.month, $0.day) } ?? resources.reviewed
        body += "<p class=\"muted\">\(escapeHTML(player.chrome.crisisChecked(resources.regionInWords, checked)))</p>"
        body += "<p><a href=\"/learn?lang=\(language.rawValue)\">\(escapeHTML(words.back))</a></p>"
        return page(title: words.crisisTitle, body: style + body, PageWords.in(language), switchTo: "/learn/crisis")
    }
}
