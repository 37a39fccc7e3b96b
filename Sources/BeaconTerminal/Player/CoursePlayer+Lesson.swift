import BeaconCore
import BeaconStore
import Foundation

extension CoursePlayer {
    /// A lesson, one page at a time, resuming on the page last shown.
    func playLesson(_ lesson: Lesson) throws {
        let saved = try store.record(trainee: trainee.id, course: course.id).lessons[lesson.id]
        if saved == nil || saved?.page == 0 {
            _ = try contentNote(lesson.contentNote, before: lesson.title)
        }
        var page = min(saved?.page ?? 0, max(lesson.pages.count - 1, 0))
        while page < lesson.pages.count {
            try saveLessonPage(lesson.id, page: page, completed: false)
            try active()
            let content = lesson.pages[page]
            var body: [Para] = []
            if let heading = content.heading { body += wrap(theme.title(heading)) + [.blank] }
            body += render(content.blocks)
            let last = page == lesson.pages.count - 1
            let screen = Screen(
                heading: "Lesson: \(lesson.title) · page \(page + 1) of \(lesson.pages.count)",
                body: body,
                keys: (last ? "Enter finish the lesson" : "Enter or n next page") + (page > 0 ? " · p previous" : "")
            )
            let command = try ask({ _ in screen }, kind: .command(entries: 0)) { line -> Result<Int, Problem> in
                switch line {
                case "", "n": .success(1)
                case "p": .success(-1)
                default: .failure(Problem("Press Enter for the next page, p for the previous one, or q for the menu."))
                }
            }
            page = max(0, page + command)
        }
        try saveLessonPage(lesson.id, page: 0, completed: true)
        try pause(Screen(
            heading: "Lesson complete: \(lesson.title)",
            body: wrap(theme.good("Done.") + " You can read it again any time from the module menu."),
            keys: "Enter continue"
        ))
    }

    private func saveLessonPage(_ lesson: String, page: Int, completed: Bool) throws {
        let (store, trainee, stamp, now) = (store, trainee.id, stamp, options.now())
        try saving { try store.saveLessonPage(trainee: trainee, course: stamp, lesson: lesson, page: page, completed: completed, at: now) }
    }
}
