"""Small networks scheduled on the real Norwegian calendar; every expected
date below was worked out by hand (working days counted in the comments).

Calendar facts used: 2019-12-25/26 and 2020-01-01 are public holidays;
Easter 2019: 18, 19, 22 April; 17 May, 30 May (Ascension), 10 June (Whit
Monday) 2019. Opening Monday 06.01.2020 means the last working day before it
is Friday 03.01.2020 (4-5 Jan weekend).
"""

import pytest

from cpm_builders import critical, dates, day, milestone, run, slacks, summary, task
from navplan.errors import NavplanError

OPEN = day("06.01.2020")
AS_OF = day("02.12.2019")  # a Monday


def test_fs_chain():
    # B (4d) finishes Fri 03.01 -> works 03.01, 02.01, 31.12, 30.12: starts 30.12.
    # A (3d) must end before 30.12 -> last day Fri 27.12 (25/26 holidays);
    #   works 27.12, 24.12, 23.12: latest start Mon 23.12.
    # Forward from Mon 02.12: A 02-04.12, B 05, 06, 09, 10.12.
    # Slack A = working days [02.12, 23.12) = 15; B = [05.12, 30.12) = 2+5+5+3 = 15.
    # C (1d, no links): latest 03.01, earliest 02.12 -> [02.12, 03.01) = 15+3+2+1 = 21.
    s = run([task("A", "3d"), task("B", "4d", ["A"]), task("C", "1d")], OPEN, AS_OF)
    assert dates(s, "A") == (day("02.12.2019"), day("04.12.2019"), day("23.12.2019"), day("27.12.2019"))
    assert dates(s, "B") == (day("05.12.2019"), day("10.12.2019"), day("30.12.2019"), day("03.01.2020"))
    assert dates(s, "C") == (day("02.12.2019"), day("02.12.2019"), day("03.01.2020"), day("03.01.2020"))
    assert slacks(s) == {"A": 15, "B": 15, "C": 21}
    assert set(dates(s, "opening")) == {OPEN}
    assert s.critical_path == ["A", "B"]
    assert s.critical_path == ["A", "B"]
    # Opening could be reached on Wed 11.12: [11.12, 06.01) = 3+5+3+2+2 = 15 spare days.
    assert s.slack_to_opening == 15 and s.opening_holds and not s.missed


def test_ss_with_lag():
    # B (3d) starts 2 working days after A starts. B latest: 03, 02.01, 31.12 -> start 31.12.
    # A latest start = 2 working days before 31.12 = 27.12 (30.12, 27.12); A 5d: 27, 30, 31, 02, 03.
    # Forward: A 02-06.12; B from Wed 04.12: 04, 05, 06.12.
    # Slack A = [02.12, 27.12) = 15+2 = 17; B = [04.12, 31.12) = 3+10+4 = 17.
    s = run([task("A", "5d"), task("B", "3d", [("A", "SS", "2d")])], OPEN, AS_OF)
    assert dates(s, "A") == (day("02.12.2019"), day("06.12.2019"), day("27.12.2019"), day("03.01.2020"))
    assert dates(s, "B") == (day("04.12.2019"), day("06.12.2019"), day("31.12.2019"), day("03.01.2020"))
    assert slacks(s) == {"A": 17, "B": 17}


def test_ss_predecessor_must_still_finish_before_opening():
    # A (10d) only has an SS successor B (1d). A is still work that has to be
    # done before the opening: latest finish Fri 03.01.2020, so latest start is
    # 10 working days back: 03, 02.01, 31, 30, 27, 24, 23, 20, 19, 18.12 -> 18.12.
    # As of Mon 23.12, A works 23, 24, 27, 30, 31.12, 02, 03, 06, 07, 08.01: it
    # ends after the opening, so the opening cannot hold.
    s = run([task("A", "10d"), task("B", "1d", [("A", "SS")])], OPEN, AS_OF)
    assert dates(s, "A")[2:] == (day("18.12.2019"), day("03.01.2020"))
    late = run([task("A", "10d"), task("B", "1d", [("A", "SS")])], OPEN, day("23.12.2019"))
    assert dates(late, "A")[1] == day("08.01.2020")
    assert not late.opening_holds


def test_ss_from_a_month_long_activity():
    # Opening Wed 13.03.2019. Z (30d) ends Tue 12.03: 1-12 March = 8, February 20,
    # 30-31 January 2 -> Z starts Wed 30.01, so q (1d) has to be done Tue 29.01.
    # q may start once p (1m) has started: p must start by 29.01 as well.
    # As of Wed 02.01: p and q could start at once; slack = [02.01, 29.01) = 3+5+5+5+1 = 19.
    s = run([task("p", "1m"), task("q", "1d", [("p", "SS")]), task("Z", "30d", ["q"])],
            day("13.03.2019"), day("02.01.2019"))
    assert dates(s, "q")[2] == day("29.01.2019") and dates(s, "Z")[2] == day("30.01.2019")
    assert dates(s, "p")[2] == day("29.01.2019")
    assert slacks(s)["p"] == slacks(s)["q"] == 19 and "p" in critical(s)


def test_ff_into_a_summary_binds_its_work():
    # S finishes no earlier than X (5d, 02-06.12). S's only work is c (2d), so c
    # cannot be over before Fri 06.12: it works 05 and 06.12.
    s = run([task("X", "5d"), summary("S", [("X", "FF")]), task("c", "2d", parent="S")], OPEN, AS_OF)
    assert dates(s, "c")[:2] == (day("05.12.2019"), day("06.12.2019"))
    assert dates(s, "S")[1] == day("06.12.2019")


def test_ss_from_a_summary_waits_for_its_work():
    # S = {c 2d after Y 5d}: S starts when c starts, Mon 09.12 (Y 02-06.12).
    # q starts with S (SS), so not before Mon 09.12.
    s = run([task("Y", "5d"), summary("S"), task("c", "2d", ["Y"], parent="S"), task("q", "1d", [("S", "SS")])],
            OPEN, AS_OF)
    assert dates(s, "S")[0] == day("09.12.2019")
    assert dates(s, "q")[0] == day("09.12.2019")


def test_ff_with_lag():
    # B (2d) finishes at least 1 working day after A (10d) finishes.
    # B latest finish 03.01, start 02.01. A latest finish one day before: 02.01;
    #   10d back: 02.01, 31, 30, 27, 24, 23, 20, 19, 18, 17.12 -> latest start 17.12.
    # Forward: A 02-13.12; B must finish >= Mon 16.12 -> works 13.12, 16.12.
    # Slack A = [02.12, 17.12) = 11; B = [13.12, 02.01) = 1+5+3+2 = 11.
    s = run([task("A", "10d"), task("B", "2d", [("A", "FF", "1d")])], OPEN, AS_OF)
    assert dates(s, "A") == (day("02.12.2019"), day("13.12.2019"), day("17.12.2019"), day("02.01.2020"))
    assert dates(s, "B") == (day("13.12.2019"), day("16.12.2019"), day("02.01.2020"), day("03.01.2020"))
    assert slacks(s) == {"A": 11, "B": 11}
    assert critical(s) == {"A", "B"}


def test_milestone_between_tasks():
    # B (5d) latest: 27, 30, 31.12, 02, 03.01 -> start 27.12. M is reached by the end
    # of the working day before: Tue 24.12. A (5d) ends 24.12: 18, 19, 20, 23, 24.
    # Forward: A 02-06.12, M reached Fri 06.12, B 09-13.12.
    # Slack = [02.12, 18.12) = 12 for A, [09.12, 27.12) = 5+5+2 = 12 for M and B.
    s = run([task("A", "5d"), milestone("M", ["A"]), task("B", "5d", ["M"])], OPEN, AS_OF)
    assert dates(s, "A") == (day("02.12.2019"), day("06.12.2019"), day("18.12.2019"), day("24.12.2019"))
    assert set(dates(s, "M")[:2]) == {day("06.12.2019")}
    assert set(dates(s, "M")[2:]) == {day("24.12.2019")}
    assert dates(s, "B") == (day("09.12.2019"), day("13.12.2019"), day("27.12.2019"), day("03.01.2020"))
    assert slacks(s) == {"A": 12, "M": 12, "B": 12}
    assert s.critical_path == ["A", "M", "B"]


def test_summary_with_link_into_it():
    # S = {S1 3d -> S2 2d, S3 1d}; S comes after X (4d), so every child waits for X.
    # Forward: X 02-05.12; S1 06, 09, 10.12; S2 11, 12.12; S3 06.12 (not 02.12).
    # Backward: S2 02, 03.01; S1 27, 30, 31.12; S3 03.01; X ends the day before S
    #   can start (27.12) = 24.12: 19, 20, 23, 24.12.
    # Slack X = [02.12, 19.12) = 13; S1 = [06.12, 27.12) = 1+5+5+2 = 13;
    #   S2 = [11.12, 02.01) = 3+5+5 = 13; S3 = [06.12, 03.01) = 1+5+5+3+2+1 = 17.
    s = run([task("X", "4d"), summary("S", ["X"]), task("S1", "3d", parent="S"),
             task("S2", "2d", ["S1"], parent="S"), task("S3", "1d", parent="S")], OPEN, AS_OF)
    assert dates(s, "X") == (day("02.12.2019"), day("05.12.2019"), day("19.12.2019"), day("24.12.2019"))
    assert dates(s, "S1") == (day("06.12.2019"), day("10.12.2019"), day("27.12.2019"), day("31.12.2019"))
    assert dates(s, "S2") == (day("11.12.2019"), day("12.12.2019"), day("02.01.2020"), day("03.01.2020"))
    assert dates(s, "S3") == (day("06.12.2019"), day("06.12.2019"), day("03.01.2020"), day("03.01.2020"))
    assert dates(s, "S") == (day("06.12.2019"), day("12.12.2019"), day("27.12.2019"), day("03.01.2020"))
    assert slacks(s) == {"X": 13, "S1": 13, "S2": 13, "S3": 17}
    assert critical(s) == {"X", "S1", "S2"}
    assert s.activities["S"].critical and s.activities["S"].slack == 13


def test_three_month_notice_must_end_before_september():
    # Opening Mon 02.09.2019: the notice (3m) must have run out by Sun 01.09.
    # Begun Fri 31.05 it ends with 30.08 (31.08 + onwards is free). Begun on the
    # next working day, Mon 03.06, it would run into September. (30.05 is
    # Ascension Day, so 31.05 is the answer, not 30.05.)
    s = run([task("N", "3m")], day("02.09.2019"), day("01.03.2019"))
    assert dates(s, "N")[2:] == (day("31.05.2019"), day("30.08.2019"))
    # Forward: begun Fri 01.03 it ends with 31.05 (01.06 is a Saturday).
    assert dates(s, "N")[:2] == (day("01.03.2019"), day("31.05.2019"))


def test_notice_then_move():
    # Move (5d) before opening Mon 02.09.2019: 26-30.08. The notice must end before
    # Mon 26.08: a start on d needs d + 3 months <= 26.08 -> d <= Sun 26.05 -> Fri 24.05.
    # Forward from Fri 01.03.2019: notice ends with Fri 31.05; move 03-07.06.
    # Slack (measured on the start): notice [01.03, 24.05) = 21 (Mar) + 19 (Apr, minus
    # 18, 19, 22) + 15 (1-23 May, minus 1 and 17 May) = 55; move [03.06, 26.08) =
    # 19 (June minus Whit Monday) + 23 (July) + 17 = 59.
    s = run([task("notice", "3m"), task("move", "5d", ["notice"])], day("02.09.2019"), day("01.03.2019"))
    assert dates(s, "notice") == (day("01.03.2019"), day("31.05.2019"), day("24.05.2019"), day("23.08.2019"))
    assert dates(s, "move") == (day("03.06.2019"), day("07.06.2019"), day("26.08.2019"), day("30.08.2019"))
    assert slacks(s) == {"notice": 55, "move": 59}


def test_fixed_kommunestyre_meeting():
    # The kommunestyre meets Thu 14.11.2019 (fixed). The case papers (A, 5d) must be
    # finished by the last working day before the meeting, Wed 13.11: 07, 08, 11,
    # 12, 13.11 -> latest start Thu 07.11. B (3d) follows the decision: from Fri 15.11
    # (15, 18, 19.11); latest 31.12, 02, 03.01.
    # As of Fri 01.11: A 01, 04-07.11 -> slack [01.11, 07.11) = 4.
    plan = [{"id": "K", "fixed": "14.11.2019"}]
    s = run([task("A", "5d"), milestone("K", ["A"]), task("B", "3d", ["K"])], OPEN, day("01.11.2019"),
            plan_activities=plan)
    assert set(dates(s, "K")) == {day("14.11.2019")}
    assert dates(s, "B") == (day("15.11.2019"), day("19.11.2019"), day("31.12.2019"), day("03.01.2020"))
    assert dates(s, "A")[:2] == (day("01.11.2019"), day("07.11.2019"))
    assert dates(s, "A")[2:] == (day("07.11.2019"), day("13.11.2019"))
    assert s.activities["A"].slack == 4


def test_fixed_meeting_missed():
    # As of Mon 11.11.2019 the papers (A, 5d) take 11-15.11, but they had to be
    # ready Wed 13.11 for the meeting on Thu 14.11: two working days (14, 15.11) late.
    s = run([task("A", "5d"), milestone("K", ["A"])], OPEN, day("11.11.2019"),
            plan_activities=[{"id": "K", "fixed": "14.11.2019"}])
    assert [(m.id, m.date, m.missing_working_days, m.kind) for m in s.missed] == [("K", day("14.11.2019"), 2, "fixed")]
    assert s.activities["A"].slack == -2 and s.activities["A"].critical


def test_a_fixed_date_that_cannot_hold_shows_on_its_own_row_and_moves_what_follows():
    # Issue 17, item 10. As in the case above the papers (A, 5d) take Mon 11 - Fri 15.11.2019, so
    # the meeting fixed on Thu 14.11 can only be held on Mon 18.11 (a meeting takes its day), and
    # its decision followed up (B, 3d) on Tue 19 - Thu 21.11, not from Fri 15.11. K's row shows
    # the miss: slack -2 (14 and 15.11 are missing), on the chain that breaks it, which ends at K.
    s = run([task("A", "5d"), milestone("K", ["A"]), task("B", "3d", ["K"])], OPEN, day("11.11.2019"),
            plan_activities=[{"id": "K", "fixed": "14.11.2019"}])
    assert dates(s, "K") == (day("18.11.2019"), day("18.11.2019"), day("14.11.2019"), day("14.11.2019"))
    assert s.activities["K"].slack == -2 and s.activities["K"].critical
    assert dates(s, "B")[:2] == (day("19.11.2019"), day("21.11.2019"))
    assert [(m.id, m.chain) for m in s.missed] == [("K", ("A", "K"))]


def test_not_before_on_a_holiday():
    # A (2d) may not start before Wed 25.12.2019 (holiday) -> starts Fri 27.12,
    # works 27 and 30.12. Latest: 02, 03.01. Slack [27.12, 02.01) = 3.
    s = run([task("A", "2d")], OPEN, AS_OF, plan_activities=[{"id": "A", "not_before": "25.12.2019"}])
    assert dates(s, "A") == (day("27.12.2019"), day("30.12.2019"), day("02.01.2020"), day("03.01.2020"))
    assert slacks(s) == {"A": 3}
    assert s.slack_to_opening == 3  # reached 31.12: 31.12, 02.01, 03.01 to spare


def test_not_after_missed():
    # B (2d) must be finished by Fri 13.12.2019, but A (10d) only ends 13.12 (02-13.12),
    # so B works 16, 17.12: two working days too late.
    # Backward: B 12, 13.12; A ends 11.12: 28, 29.11, 02-06, 09-11.12 -> start 28.11.
    # Slack A = [02.12 .. 28.11] = -2, B = [16.12 .. 12.12] = -2.
    s = run([task("A", "10d"), task("B", "2d", ["A"])], OPEN, AS_OF,
            plan_activities=[{"id": "B", "not_after": "13.12.2019"}])
    assert [(m.id, m.date, m.missing_working_days, m.kind) for m in s.missed] == [("B", day("13.12.2019"), 2, "not_after")]
    assert dates(s, "B") == (day("16.12.2019"), day("17.12.2019"), day("12.12.2019"), day("13.12.2019"))
    assert dates(s, "A")[2] == day("28.11.2019")
    assert slacks(s) == {"A": -2, "B": -2} and critical(s) == {"A", "B"}
    assert s.opening_holds  # B done 17.12: [18.12, 06.01) = 10 days to spare
    assert s.slack_to_opening == 10


def test_progress_done_and_started():
    # A (5d) was done 01.10-11.10.2019; B (15d) started Mon 04.11, so as of Mon 18.11
    # it is forecast to end Fri 22.11 (04-08, 11-15, 18-22.11); C (5d) 25-29.11.
    # Latest: C 27, 30, 31.12, 02, 03.01; B ends Tue 24.12.
    # Slack B (started: on the finish) = [25.11, 27.12) = 5+15+2 = 22; C = 22.
    net = [task("A", "5d"), task("B", "15d", ["A"]), task("C", "5d", ["B"])]
    progress = [{"id": "A", "status": "done", "actual_start": "01.10.2019", "actual_finish": "11.10.2019"},
                {"id": "B", "status": "started", "actual_start": "04.11.2019"}]
    s = run(net, OPEN, day("18.11.2019"), start=day("01.10.2019"), plan_activities=progress)
    assert dates(s, "A")[:2] == (day("01.10.2019"), day("11.10.2019"))
    assert s.activities["A"].slack is None and not s.activities["A"].critical
    assert dates(s, "B")[:2] == (day("04.11.2019"), day("22.11.2019"))
    assert dates(s, "B")[3] == day("24.12.2019")
    assert dates(s, "C") == (day("25.11.2019"), day("29.11.2019"), day("27.12.2019"), day("03.01.2020"))
    assert slacks(s) == {"A": None, "B": 22, "C": 22}
    assert s.critical_path == ["B", "C"]
    # B (10d) would be over by 15.11, but it is not reported done: it ends no earlier
    # than the as-of day Mon 18.11, and C follows 19-25.11.
    s = run([task("A", "5d"), task("B", "10d", ["A"]), task("C", "5d", ["B"])], OPEN, day("18.11.2019"),
            start=day("01.10.2019"), plan_activities=progress)
    assert dates(s, "B")[1] == day("18.11.2019")
    assert dates(s, "C")[:2] == (day("19.11.2019"), day("25.11.2019"))


@pytest.mark.parametrize("closure, last_day, latest_start", [
    (False, "31.12.2019", "27.12.2019"),  # 31, 30, 27.12 (25/26 holidays, 28/29 weekend)
    (True, "23.12.2019", "19.12.2019"),   # 24-31 closed: 23, 20, 19.12
])
def test_opening_on_new_years_day(closure, last_day, latest_start):
    s = run([task("A", "3d")], day("01.01.2020"), AS_OF, calendar={"christmas_closure": closure})
    assert dates(s, "A")[2:] == (day(latest_start), day(last_day))
    assert set(dates(s, "opening")[2:]) == {day("01.01.2020")}
    notes = [n for n in s.notes if n.key == "opening_not_working_day"]
    assert len(notes) == 1 and notes[0].params["last_day"] == day(last_day)


@pytest.mark.parametrize("fellesferie, latest_start", [
    (False, "22.07.2019"),  # 15d before opening Mon 12.08.2019: 22.07-09.08
    (True, "01.07.2019"),   # weeks 28-30 (08.07-28.07) closed: 29.07-09.08 + 01-05.07
])
def test_fellesferie(fellesferie, latest_start):
    s = run([task("A", "15d")], day("12.08.2019"), day("01.03.2019"), calendar={"fellesferie": fellesferie})
    assert dates(s, "A")[2:] == (day(latest_start), day("09.08.2019"))


def test_negative_slack_when_too_late():
    # As of Mon 16.12.2019: A (10d) 16-20, 23, 24, 27, 30, 31.12; B (5d) 02, 03, 06,
    # 07, 08.01 -> opening reachable Thu 09.01: 3 working days (06, 07, 08.01) missing.
    # Backward: B 27.12-03.01 (start 27.12); A ends 24.12, starts 11.12.
    # Slack A = 11.12 vs 16.12 = -3; B = 27.12 vs 02.01 = -3. C (2d) has room.
    s = run([task("A", "10d"), task("B", "5d", ["A"]), task("C", "2d")], OPEN, day("16.12.2019"))
    assert s.slack_to_opening == -3 and s.missing_working_days == 3 and not s.opening_holds
    # The opening's verdict is its own; no other date is missed.
    assert s.slack_to_opening == -3 and s.missed == [] and s.deadlines == []
    assert slacks(s)["A"] == -3 and slacks(s)["B"] == -3 and slacks(s)["C"] > 0
    assert s.critical_path == ["A", "B"]
    assert dates(s, "opening")[0] == day("09.01.2020")
    assert dates(s, "B")[1] == day("08.01.2020")


def test_cycle_is_named():
    with pytest.raises(NavplanError) as error:
        run([task("A", "1d", ["C"]), task("B", "1d", ["A"]), task("C", "1d", ["B"])], OPEN, AS_OF)
    message = str(error.value)
    assert "cycle" in message
    path = message.split("cycle: ")[1].split(" (")[0].split(" → ")
    assert path[0] == path[-1] and len(path) == 4
    # in dependency order: a rotation of A -> B -> C
    assert " ".join(path[:3]) in {"A B C", "B C A", "C A B"}


def test_cycle_through_own_summary_is_named():
    with pytest.raises(NavplanError) as error:
        run([summary("S"), task("c", "1d", ["S"], parent="S")], OPEN, AS_OF)
    assert "cycle" in str(error.value) and "S" in str(error.value) and "c" in str(error.value)


def test_self_dependency():
    with pytest.raises(NavplanError) as error:
        run([task("prepare", "1d"), task("decide", "1d")], OPEN, AS_OF,
            plan_activities=[{"id": "decide", "after": ["decide"]}])
    assert "decide depends on itself" in str(error.value)


def test_unknown_ids_get_did_you_mean():
    net = [task("prepare", "1d"), task("decide", "1d")]
    with pytest.raises(NavplanError) as error:
        run(net, OPEN, AS_OF, plan_activities=[{"id": "decide", "after": ["prepar"]}])
    assert "'prepar'" in error.value.render("en") and "did you mean 'prepare'?" in error.value.render("en")
    with pytest.raises(NavplanError) as error:
        run(net, OPEN, AS_OF, plan_activities=[{"id": "decid", "duration": "2d"}])
    assert "did you mean 'decide'?" in str(error.value)


def test_work_only_what_comes_after_the_opening_waits_for_does_not_decide_the_opening():
    # Issue 17, item 6. R (60d, a renovation) leads only to M (2d, moving in), which is linked
    # after the opening: the office opens first and moves later, so R need not be done by the
    # opening. B (3d) is all the opening waits for: from Mon 02.12.2019 it ends Wed 04.12, so
    # the opening could be reached Thu 05.12: [05.12, 06.01) = 2+5+5+3 (25, 26.12 holidays)
    # +2+2 (01.01 holiday) = 19 working days to spare.
    # R from Mon 02.12: 20 working days in December, 22 in January, then 3-7, 10-14, 17-21,
    # 24-26.02: it ends Wed 26.02.2020; M follows on 27-28.02. M is the last work, so it may end
    # Fri 28.02 at the latest, and R on Wed 26.02: no slack towards the move, none needed for
    # the opening.
    s = run([task("B", "3d"), task("R", "60d"), task("M", "2d", ["R", "opening"])], OPEN, AS_OF)
    assert s.opening_holds and s.slack_to_opening == 19
    assert s.critical_path == ["B"]
    assert dates(s, "R") == (day("02.12.2019"), day("26.02.2020"), day("02.12.2019"), day("26.02.2020"))
    assert dates(s, "M") == (day("27.02.2020"), day("28.02.2020"), day("27.02.2020"), day("28.02.2020"))
    assert s.activities["R"].after_opening and s.activities["M"].after_opening
    assert not s.activities["B"].after_opening


def test_a_step_nothing_waits_for_leads_to_the_opening_though_its_summary_ends_after_it():
    # S holds X (2d; nothing follows it) and Y (1d, linked after the opening): S ends after the
    # opening because of Y, yet X must be done by the opening: by Fri 03.01.2020, from Thu 02.01.
    s = run([summary("S"), task("X", "2d", parent="S"), task("Y", "1d", ["opening"], parent="S")], OPEN, AS_OF)
    assert dates(s, "X")[2:] == (day("02.01.2020"), day("03.01.2020"))
    assert not s.activities["X"].after_opening and s.activities["Y"].after_opening


def test_the_council_meeting_that_cannot_hold_ends_its_chain_and_shows_its_miss():
    # Issue 17, item 10, as found: nytt-kontor as of 10.05.2027, the council meeting 3.2.3 fixed on
    # 21.10.2027 cannot hold. Its row showed the fixed date as forecast and a slack of +46, and the
    # chain that breaks it listed 3.2.3 among its own predecessors, by its (fixed) forecast start.
    from conftest import EXAMPLES
    from navplan.engine.schedule import schedule
    from navplan.plan.project import load_project

    s = schedule(load_project(EXAMPLES / "nytt-kontor"), day("10.05.2027"))
    [check] = s.missed
    row = s.activities["3.2.3"]
    assert check.id == "3.2.3" and check.chain[-1] == "3.2.3" and check.missing_working_days > 0
    assert row.slack == check.slack and row.critical
    assert row.dates["earliest_start"] > check.date
    # It is forecast when its predecessors allow: the day after the last of them, 3.2.2, ends.
    last = s.activities["3.2.2"].dates["earliest_finish"]
    assert row.dates["earliest_start"] == s.calendar.date_of(s.calendar.index_on_or_after(last) + 1)


def test_an_open_milestone_is_not_forecast_before_the_as_of_date():
    # Issue 17, item 7. A (3d) was done Wed 06 - Fri 08.11.2019; the milestone M after it is not
    # recorded reached. As of Monday 11.11 it can be reached today at the earliest, not on Friday;
    # B (2d) after M works Mon 11 and Tue 12.11. Reached, M keeps the day it was reached.
    net = [task("A", "3d"), milestone("M", ["A"]), task("B", "2d", ["M"])]
    done = {"id": "A", "status": "done", "actual_start": "06.11.2019", "actual_finish": "08.11.2019"}
    s = run(net, OPEN, day("11.11.2019"), plan_activities=[done])
    assert dates(s, "M")[:2] == (day("11.11.2019"), day("11.11.2019"))
    assert dates(s, "B")[:2] == (day("11.11.2019"), day("12.11.2019"))
    reached = run(net, OPEN, day("11.11.2019"), plan_activities=[done, {"id": "M", "status": "done"}])
    assert dates(reached, "M")[:2] == (day("08.11.2019"), day("08.11.2019"))


def test_not_before_on_a_main_activity_binds_the_start_of_every_step():
    # Issue 17, item 5. S holds X (3d) and Y (2d, after X); S may not start before Wed 04.12.2019.
    # As of Mon 02.12, X works 04-06.12 and Y 09-10.12 (it was ignored: X 02-04.12).
    s = run([summary("S"), task("X", "3d", parent="S"), task("Y", "2d", ["X"], parent="S")], OPEN, AS_OF,
            plan_activities=[{"id": "S", "not_before": "04.12.2019"}])
    assert dates(s, "X")[:2] == (day("04.12.2019"), day("06.12.2019"))
    assert dates(s, "Y")[:2] == (day("09.12.2019"), day("10.12.2019"))
    assert dates(s, "S")[:2] == (day("04.12.2019"), day("10.12.2019"))


def test_not_after_on_a_main_activity_binds_the_finish_of_every_step():
    # S must be finished by Thu 05.12.2019: X (3d) works Mon 02 - Wed 04.12, Y (2d) 05-06.12, a
    # day late. Backward: Y 04-05.12, X 29.11, 02-03.12: both have a slack of -1. The date is S's
    # own line, with the chain that breaks it ending at S.
    s = run([summary("S"), task("X", "3d", parent="S"), task("Y", "2d", ["X"], parent="S"), task("Z", "1d")],
            OPEN, AS_OF, plan_activities=[{"id": "S", "not_after": "05.12.2019"}])
    assert [(m.id, m.date, m.kind, m.missing_working_days, m.chain) for m in s.missed] == [
        ("S", day("05.12.2019"), "not_after", 1, ("X", "Y", "S"))]
    assert dates(s, "Y")[2:] == (day("04.12.2019"), day("05.12.2019"))
    assert dates(s, "X")[2:] == (day("29.11.2019"), day("03.12.2019"))
    assert slacks(s) == {"X": -1, "Y": -1, "Z": 21}
    assert critical(s) == {"X", "Y"}


def test_precedence_bounds_give_a_levelling_scheduler_the_network_calendar_and_dates():
    # The network of test_fs_chain: A (3d) -> B (4d), C (1d) alone. What a resource-levelling
    # scheduler starts from, in working-day points of the calendar it gets: A 02-04.12 at the
    # earliest, 23-27.12 at the latest; B 05-10.12 and 30.12-03.01 (as test_fs_chain counts);
    # the FS link A -> B in the flat link arrays.
    from cpm_builders import project
    from navplan.engine.critical_path_method import precedence_bounds
    from navplan.engine.dependency_graph import FS

    bounds = precedence_bounds(project([task("A", "3d"), task("B", "4d", ["A"]), task("C", "1d")], OPEN), AS_OF)
    network, calendar = bounds.network, bounds.calendar

    def days(activity_id: str) -> tuple:
        row = network.row[activity_id]
        return (calendar.date_of(bounds.earliest_start[row]), calendar.date_of(bounds.earliest_finish[row] - 1),
                calendar.date_of(bounds.latest_start[row]), calendar.date_of(bounds.latest_finish[row] - 1))

    assert days("A") == (day("02.12.2019"), day("04.12.2019"), day("23.12.2019"), day("27.12.2019"))
    assert days("B") == (day("05.12.2019"), day("10.12.2019"), day("30.12.2019"), day("03.01.2020"))
    a, b = network.row["A"], network.row["B"]
    links = list(zip(network.link_pred, network.link_succ, network.link_type, network.link_lag, strict=True))
    assert (a, b, FS, 0) in links and network.links_in[b] == [(a, FS, 0)]
    assert network.amount[a] == 3 and not network.in_months[a] and network.activity[a].id == "A"
    # Each of them leads to the opening (A through B anyway: the network links every exit to it).
    assert sorted(network.nodes[row] for row in network.leads_to_opening) == ["A", "B", "C"]
