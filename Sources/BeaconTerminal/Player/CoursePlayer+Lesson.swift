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
            let lessons = words.lessons
            let screen = Screen(
                heading: lessons.heading(lesson.title, page + 1, lesson.pages.count),
                body: body,
                keys: (last ? lessons.finishKeys : lessons.nextKeys) + (page > 0 ? " · " + words.chrome.previousKey : "")
            )
            let command = try ask({ _ in screen }, kind: .command(entries: 0)) { line -> Result<Int, Problem> in
                switch line {
                case "", "n": .success(1)
                case "p": .success(-1)
                default: .failure(Problem(lessons.keysProblem))
                }
            }
            page = max(0, page + command)
        }
        try saveLessonPage(lesson.id, page: 0, completed: true)
        try pause(Screen(
            heading: words.lessons.completeHeading(lesson.title),
            body: wrap(theme.good(words.lessons.done) + " " + words.lessons.readAgain),
            keys: words.chrome.enterContinue
        ))
    }

    private func saveLessonPage(_ lesson: String, page: Int, completed: Bool) throws {
        let (store, trainee, stamp, now) = (store, trainee.id, stamp, options.now())
        try saving { try store.saveLessonPage(trainee: trainee, course: stamp, lesson: lesson, page: page, completed: completed, at: now) }
    }
}
