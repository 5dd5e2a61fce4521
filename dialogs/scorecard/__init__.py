"""The weekly scorecard: "Measure" of The BestPack Support Way (followed by all, not one of the
8 processes): the week's performance against the profile's targets, the reopen rate first.

States:
    ASKED    `scorecard [week]` by someone who may view it → the week's scorecard card (the
             last complete week unless a week is named: this week, 2026-W47 or a date inside
             it), saying which week it is and offering "This week so far" (or "Last week");
             a roster too long for one card gets "By person" → `scorecard <week> by person`
    REFUSED  a week that is not one, or has not started → says which forms work; nothing sent
    QUIET    the week had nothing to measure → nothing posted
    POSTED   the scheduled post (profile [scorecard]: BestPack Monday 06:00 Pacific) → last
             complete week's card in the scorecard channel, or, with no channel set, in the
             personal chat of each person who may view it; once per week and recipient
    HELD     a chat or channel the bot cannot reach yet → posted when it can

Commands: `scorecard [week] [by person]` (view_scorecard). Card verbs: none.
Scheduled job: scorecard (weekly; not run by a profile without [scorecard]).
"""
