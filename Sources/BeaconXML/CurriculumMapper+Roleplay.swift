import BeaconCore

extension CurriculumMapper {
    func roleplay(_ node: XMLNode) -> Roleplay {
        let start = reference(node, "start") ?? Reference("", at: location(node))
        var roleplay = Roleplay(id: node.attribute("id") ?? "", start: start, location: location(node))
        roleplay.minutes = node.attribute("minutes").flatMap(Int.init)
        for child in node.elements {
            switch child.name {
            case "title": roleplay.title = plain(child)
            case "contentNote": roleplay.contentNote = contentNote(child)
            case "persona":
                roleplay.persona = Persona(
                    name: child.attribute("name") ?? "",
                    pronouns: child.attribute("pronouns"),
                    age: child.attribute("age").flatMap(Int.init),
                    description: inline(child)
                )
            case "setting": roleplay.setting = inline(child)
            case "assesses":
                if let competency = reference(child, "competency") {
                    roleplay.assesses.append(Assessment(competency: competency, outOf: child.attribute("outOf").flatMap(Int.init) ?? 1))
                }
            case "scene": roleplay.scenes.append(scene(child))
            case "ending":
                var ending = Ending(
                    id: child.attribute("id") ?? "",
                    outcome: child.attribute("outcome").flatMap(Ending.Outcome.init(rawValue:)) ?? .mixed,
                    location: location(child)
                )
                ending.lines = lines(child)
                ending.debrief = child.element("debrief").map(blocks) ?? []
                roleplay.endings.append(ending)
            default: break
            }
        }
        return roleplay
    }

    private func scene(_ node: XMLNode) -> Scene {
        let step: Scene.Step
        if let reply = node.element("reply") {
            step = .reply(self.reply(reply))
        } else if !node.elements("route").isEmpty {
            step = .routes(node.elements("route").map { route in
                var result = Route(next: next(route), location: location(route))
                result.conditions = conditions(route)
                return result
            })
        } else {
            step = .choices(node.elements("choice").map(choice))
        }
        var scene = Scene(id: node.attribute("id") ?? "", step: step, location: location(node))
        scene.lines = lines(node)
        return scene
    }

    private func choice(_ node: XMLNode) -> Choice {
        var choice = Choice(next: next(node), location: location(node))
        choice.conditions = conditions(node)
        choice.say = node.element("say").map(inline) ?? []
        choice.scores = scores(node)
        choice.feedback = node.element("feedback").map(inline) ?? []
        return choice
    }

    private func reply(_ node: XMLNode) -> Reply {
        var reply = Reply(next: next(node), location: location(node))
        reply.prompt = node.element("prompt").map(inline) ?? []
        reply.example = node.element("example").map { plain($0) }
        reply.criteria = node.elements("criterion").map { element in
            var criterion = Criterion(
                id: element.attribute("id") ?? "",
                label: element.attribute("label") ?? "",
                location: location(element)
            )
            // Patterns are regular expressions: keep them exactly as written, spaces included.
            criterion.patterns = element.elements("pattern").map(\.text)
            criterion.keywords = element.elements("keyword").map { plain($0) }
            criterion.exclusions = element.elements("unless").map(\.text)
            criterion.scores = scores(element)
            criterion.ifMet = element.element("ifMet").map(inline)
            criterion.ifMissed = element.element("ifMissed").map(inline)
            return criterion
        }
        reply.samples = node.elements("sample").map { element in
            var sample = ReplySample(text: plain(element), location: location(element))
            sample.meets = (element.attribute("meets") ?? "").split(separator: " ").map(String.init)
            sample.misses = (element.attribute("misses") ?? "").split(separator: " ").map(String.init)
            sample.scored = element.attribute("scored") != "false"
            return sample
        }
        return reply
    }

    private func next(_ node: XMLNode) -> Reference {
        reference(node, "next") ?? Reference("", at: location(node))
    }

    private func conditions(_ node: XMLNode) -> [Condition] {
        node.elements("when").compactMap { when in
            reference(when, "competency").map { competency in
                Condition(
                    competency: competency,
                    atLeast: when.attribute("atLeast").flatMap(Int.init),
                    below: when.attribute("below").flatMap(Int.init)
                )
            }
        }
    }

    private func scores(_ node: XMLNode) -> [ScoreChange] {
        node.elements("score").compactMap { score in
            reference(score, "competency").map { competency in
                ScoreChange(competency: competency, points: score.attribute("points").flatMap { Int($0.trimmingWhitespace()) } ?? 0)
            }
        }
    }
}

