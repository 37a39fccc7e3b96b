import Testing
@testable import BeaconCore

@Suite struct ProgramActorTests {
    let supervisor = ProgramActor(id: "lee", roles: [.supervisor], supervises: ["sam"])
    let facilitator = ProgramActor(id: "ana", roles: [.facilitator], facilitatesCohorts: ["spring"])
    let admin = ProgramActor(id: "dana", roles: [.admin])
    let trainee = ProgramActor(id: "sam", traineeId: "sam")

    @Test func aSupervisorAttestsOnlyTheirTrainees() {
        #expect(supervisor.refusal(.attestHours, trainee: "sam", cohort: nil) == nil)
        #expect(supervisor.refusal(.attestHours, trainee: "alex", cohort: nil)?.contains("does not supervise alex") == true)
        #expect(facilitator.refusal(.attestHours, trainee: "sam", cohort: "spring") == "ana is not a supervisor")
    }

    @Test func aTraineeActsOnlyForThemselves() {
        #expect(trainee.refusal(.logHours, trainee: "sam", cohort: nil) == nil)
        #expect(trainee.refusal(.attestDocument, trainee: "sam", cohort: nil) == nil)
        #expect(trainee.refusal(.attestDocument, trainee: "alex", cohort: nil) == "sam cannot attest a document for another person")
        #expect(trainee.refusal(.logCE, trainee: "sam", cohort: nil) == nil)
        for action in ProgramActor.Action.allCases where ![.logHours, .logCE, .attestDocument].contains(action) {
            #expect(trainee.refusal(action, trainee: "sam", cohort: nil) != nil, "\(action)")
        }
    }

    @Test func staffNeverLogOrAttestForATrainee() {
        for actor in [supervisor, facilitator, admin] {
            #expect(actor.refusal(.logHours, trainee: "sam", cohort: "spring") != nil && actor.refusal(.logCE, trainee: "sam", cohort: "spring") != nil)
            #expect(actor.refusal(.attestDocument, trainee: "sam", cohort: "spring") != nil)
        }
    }

    @Test func aFacilitatorWorksWithTheirCohorts() {
        #expect(facilitator.refusal(.observe, trainee: "sam", cohort: "spring") == nil)
        #expect(facilitator.refusal(.logSession, trainee: "sam", cohort: "autumn")?.contains("does not facilitate") == true)
        #expect(facilitator.refusal(.observe, trainee: "sam", cohort: nil) != nil)
        #expect(supervisor.refusal(.observe, trainee: "sam", cohort: "spring") == "lee is not a facilitator")
    }

    @Test func onlyAnAdminIssuesRevokesOverridesAndManages() {
        for action in [ProgramActor.Action.issue, .changeStatus, .override, .confirmLegalName, .recordReference, .moveProgram, .managePeople] {
            #expect(admin.refusal(action, trainee: "sam", cohort: nil) == nil)
            #expect(supervisor.refusal(action, trainee: "sam", cohort: nil)?.hasPrefix("only an admin") == true)
            #expect(facilitator.refusal(action, trainee: "sam", cohort: nil)?.hasPrefix("only an admin") == true)
        }
    }
}
