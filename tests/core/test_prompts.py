from headunit.core.map.prompts import PromptDistances, PromptPlanner, PromptStage


def test_each_manoeuvre_is_announced_before_and_at_it_once():
    planner = PromptPlanner(PromptDistances(prepare_m=300, now_m=40))
    said = [planner.update(0, d) for d in (900, 500, 299, 250, 120, 39, 10)]
    assert said == [None, None, PromptStage.PREPARE, None, None, PromptStage.NOW, None]


def test_a_manoeuvre_first_seen_close_gets_only_the_closest_prompt():
    planner = PromptPlanner(PromptDistances(prepare_m=300, now_m=40))
    assert planner.update(3, 20) is PromptStage.NOW
    assert planner.update(3, 250) is None  # a GPS jump back does not say "in 300 m" after "now"


def test_the_next_manoeuvre_has_prompts_of_its_own_and_a_new_route_starts_again():
    planner = PromptPlanner()
    assert planner.update(0, 100) is PromptStage.PREPARE
    assert planner.update(1, 100) is PromptStage.PREPARE
    assert planner.update(1, 100) is None
    planner.reset()
    assert planner.update(1, 100) is PromptStage.PREPARE


def test_no_manoeuvre_or_a_negative_distance_says_nothing():
    planner = PromptPlanner()
    assert planner.update(None, 10) is None
    assert planner.update(0, -1) is None
