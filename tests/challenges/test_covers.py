"""A challenge's cover image: checked by content, re-encoded, stored, served and replaced."""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import func, select

from idealaari.challenges import covers
from idealaari.challenges.models import Challenge
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from tests.challenges.conftest import DAY

TITLE = "Miten tavoitamme ikääntyneet, jotka eivät käytä digipalveluja?"


@pytest.fixture(autouse=True)
def upload_dir(app, tmp_path):
    """Covers go to the test's own folder, never to the repository's instance/."""
    app.config["IDEALAARI_UPLOAD_DIR"] = str(tmp_path / "uploads")
    return tmp_path / "uploads" / "challenges"


def image_bytes(fmt="JPEG", size=(640, 360), mode="RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (11, 90, 107) if mode == "RGB" else None).save(out, fmt, **save)
    return out.getvalue()


def jpeg_with_exif(size=(300, 200), orientation=6) -> bytes:
    image = Image.new("RGB", size, "red")
    exif = image.getexif()
    exif[0x0112] = orientation  # Orientation: rotate 90° clockwise to show
    exif[0x010F] = "Kamerayhtiö Oy"  # Make
    exif[0x8825] = {2: (60.0, 10.0, 0.0)}  # GPS: latitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def local(dt) -> str:
    return dt.astimezone(ZoneInfo("Europe/Helsinki")).strftime("%Y-%m-%dT%H:%M")


def form(owner_id, **overrides) -> dict:
    now = utcnow()
    data = {
        "title": TITLE,
        "summary": "Etsimme tapoja tavoittaa ikääntyneet.",
        "brief": "Taustaa",
        "problem_owner": str(owner_id),
        "submission_opens_at": local(now + DAY),
        "submission_closes_at": local(now + 10 * DAY),
        "closes_at": local(now + 60 * DAY),
        "voting_mode": "none",
        "score_mode": "raw",
        "jury_quorum": "2",
        "jury_weight": "100",
    }
    data.update(overrides)
    return data


def files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def count_challenges() -> int:
    return db.session.scalar(select(func.count()).select_from(Challenge))


# --- Reading an upload ------------------------------------------------------------------------


def test_an_upload_is_turned_upright_stripped_of_exif_and_re_encoded(app):
    prepared = covers.prepare(io.BytesIO(jpeg_with_exif((300, 200))))
    stored = Image.open(io.BytesIO(prepared.image))
    assert stored.format == "WEBP"
    assert stored.size == (200, 300) == (prepared.width, prepared.height)
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info and "xmp" not in stored.info


def test_a_large_image_is_scaled_down_with_a_small_copy_for_cards(app):
    prepared = covers.prepare(io.BytesIO(image_bytes("PNG", size=(3200, 1800))))
    assert (prepared.width, prepared.height) == (1600, 900)
    assert Image.open(io.BytesIO(prepared.thumbnail)).size == (480, 270)


def test_transparency_is_kept(app):
    prepared = covers.prepare(io.BytesIO(image_bytes("PNG", mode="RGBA", size=(40, 20))))
    assert Image.open(io.BytesIO(prepared.image)).mode == "RGBA"


def test_webp_is_accepted(app):
    assert covers.prepare(io.BytesIO(image_bytes("WEBP"))).width == 640


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Ei kuva vaan tekstia, vaikka nimi on kansi.jpg\n" * 20, "not a JPEG, PNG or WebP"),
        (image_bytes("GIF", mode="P"), "not a JPEG, PNG or WebP"),
        (image_bytes("BMP"), "not a JPEG, PNG or WebP"),
        (image_bytes("JPEG", size=(800, 600))[:2000], "damaged or incomplete"),
        (image_bytes("PNG", size=(800, 600))[:300], "damaged or incomplete"),
        (b"", "The file is empty"),
        (image_bytes("JPEG") + b"\0" * covers.MAX_BYTES, "larger than 5 MB"),
    ],
    ids=["text-named-jpg", "gif", "bmp", "truncated-jpeg", "truncated-png", "empty", "oversized"],
)
def test_a_file_that_is_not_a_usable_image_is_refused_with_a_reason(app, data, message):
    with pytest.raises(covers.CoverError, match=message):
        covers.prepare(io.BytesIO(data))


def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded(app):
    # 48 million one-bit pixels fit in a few kilobytes of PNG.
    bomb = image_bytes("PNG", size=(8000, 6000), mode="1")
    assert len(bomb) < covers.MAX_BYTES
    with pytest.raises(covers.CoverError, match="too many pixels"):
        covers.prepare(io.BytesIO(bomb))


# --- The form ------------------------------------------------------------------------------------


def test_a_moderator_publishes_a_challenge_with_a_cover(client, login, moderator, upload_dir):
    login(moderator)
    data = form(
        moderator.organisation_id,
        cover=(io.BytesIO(jpeg_with_exif((1200, 800), orientation=1)), "kansi.jpg"),
        cover_alt="Ikääntynyt nainen ja tabletti keittiön pöydällä",
    )
    resp = client.post("/challenges/new", data=data)
    assert resp.status_code == 303
    challenge = db.session.scalar(select(Challenge))
    assert covers.parse_name(challenge.cover_image) == (1200, 800)
    assert files(upload_dir) == sorted(covers.file_names(challenge))

    page = client.get(resp.location, follow_redirects=True).text
    url = f"/challenges/{challenge.id}/cover/{challenge.cover_image}"
    assert f'src="{url}"' in page
    assert 'alt="Ikääntynyt nainen ja tabletti keittiön pöydällä"' in page
    assert 'width="1200" height="800"' in page

    listing = client.get("/challenges?state=upcoming").text
    thumb = covers.thumbnail_name(challenge.cover_image)
    assert f'src="/challenges/{challenge.id}/cover/{thumb}"' in listing
    assert 'width="480" height="320"' in listing


def test_the_form_is_multipart_and_offers_the_cover_fields(client, login, moderator):
    login(moderator)
    page = client.get("/challenges/new").text
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file"' in page and 'name="cover_alt"' in page
    assert 'name="remove_cover"' not in page  # nothing to remove yet


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"Ei kuva vaan tekstia\n" * 50, "kansi.jpg", "not a JPEG, PNG or WebP"),
        (image_bytes("GIF", mode="P"), "kansi.gif", "not a JPEG, PNG or WebP"),
        (image_bytes("JPEG", size=(800, 600))[:2000], "kansi.jpg", "damaged or incomplete"),
        (image_bytes("JPEG") + b"\0" * 200_000, "kansi.jpg", "larger than 5 MB"),
    ],
    ids=["text-named-jpg", "gif", "truncated", "oversized"],
)
def test_a_bad_file_is_refused_on_the_field_and_keeps_what_was_typed(
    client, login, moderator, upload_dir, monkeypatch, data, filename, message
):
    # A smaller limit here: the test client spools a body of megabytes to a file it never
    # closes. The limit itself is tested on covers.prepare above.
    monkeypatch.setattr(covers, "MAX_BYTES", 100_000)
    login(moderator)
    body = form(moderator.organisation_id, cover=(io.BytesIO(data), filename), cover_alt="Kansi")
    resp = client.post("/challenges/new", data=body)
    assert resp.status_code == 422
    assert message in resp.text
    assert 'id="cover-error"' in resp.text and 'aria-invalid="true"' in resp.text
    assert TITLE in resp.text and "Etsimme tapoja tavoittaa ikääntyneet." in resp.text
    assert 'value="Kansi"' in resp.text
    assert count_challenges() == 0
    assert files(upload_dir) == []


def test_an_image_needs_a_description(client, login, moderator, upload_dir):
    login(moderator)
    body = form(moderator.organisation_id, cover=(io.BytesIO(image_bytes()), "kansi.jpg"))
    resp = client.post("/challenges/new", data=body)
    assert resp.status_code == 422
    assert "Describe the image for those who cannot see it." in resp.text
    assert TITLE in resp.text
    assert count_challenges() == 0 and files(upload_dir) == []


def test_a_good_image_with_other_errors_is_asked_for_again(client, login, moderator, upload_dir):
    login(moderator)
    body = form(
        moderator.organisation_id,
        title="",
        cover=(io.BytesIO(image_bytes()), "kansi.jpg"),
        cover_alt="Kansi",
    )
    resp = client.post("/challenges/new", data=body)
    assert resp.status_code == 422
    assert "Choose it again before saving." in resp.text
    assert files(upload_dir) == []


# --- Replacing and removing --------------------------------------------------------------------


@pytest.fixture
def covered(make_challenge, moderator):
    """An upcoming challenge (its form is fully editable) with a cover, committed."""
    challenge = make_challenge(phase="upcoming")
    covers.apply(
        challenge,
        cover=covers.prepare(io.BytesIO(image_bytes(size=(800, 400)))),
        alt="Vanha kansi",
        remove=False,
    )
    db.session.commit()
    return challenge


def edit_form(challenge, **overrides) -> dict:
    data = form(challenge.problem_owner_id, cover_alt=challenge.cover_alt)
    data.update(
        submission_opens_at=local(challenge.submission_opens_at),
        submission_closes_at=local(challenge.submission_closes_at),
        closes_at=local(challenge.closes_at),
    )
    data.update(overrides)
    return data


def test_editing_shows_the_current_cover_and_keeps_it(client, login, moderator, covered):
    login(moderator)
    page = client.get(f"/challenges/{covered.id}/edit").text
    assert 'value="Vanha kansi"' in page and 'name="remove_cover"' in page
    assert covers.thumbnail_name(covered.cover_image) in page
    name = covered.cover_image
    resp = client.post(f"/challenges/{covered.id}/edit", data=edit_form(covered, cover_alt="Uusi"))
    assert resp.status_code == 303
    db.session.refresh(covered)
    assert (covered.cover_image, covered.cover_alt) == (name, "Uusi")


def test_a_new_image_replaces_the_old_file(client, login, moderator, covered, upload_dir):
    login(moderator)
    old = set(covers.file_names(covered))
    body = edit_form(covered, cover=(io.BytesIO(image_bytes("PNG", size=(1000, 500))), "u.png"))
    assert client.post(f"/challenges/{covered.id}/edit", data=body).status_code == 303
    db.session.refresh(covered)
    assert covers.parse_name(covered.cover_image) == (1000, 500)
    assert set(files(upload_dir)) == set(covers.file_names(covered))
    assert not old & set(files(upload_dir))


def test_removing_the_image_deletes_its_files(client, login, moderator, covered, upload_dir):
    login(moderator)
    body = edit_form(covered, remove_cover="y")
    assert client.post(f"/challenges/{covered.id}/edit", data=body).status_code == 303
    db.session.refresh(covered)
    assert covered.cover_image is None and covered.cover_alt == ""
    assert files(upload_dir) == []


def test_a_kept_image_cannot_lose_its_description(client, login, moderator, covered, upload_dir):
    login(moderator)
    before = files(upload_dir)
    resp = client.post(f"/challenges/{covered.id}/edit", data=edit_form(covered, cover_alt=" "))
    assert resp.status_code == 422
    assert "Describe the image for those who cannot see it." in resp.text
    db.session.refresh(covered)
    assert covered.cover_alt == "Vanha kansi" and files(upload_dir) == before


def test_files_written_in_a_rolled_back_change_are_deleted(covered, upload_dir):
    before = files(upload_dir)
    covers.apply(
        covered, cover=covers.prepare(io.BytesIO(image_bytes())), alt="Kansi", remove=False
    )
    assert len(files(upload_dir)) == len(before) + 2
    db.session.rollback()
    assert files(upload_dir) == before


def test_only_managers_change_the_cover(client, login, make_user, covered):
    login(make_user())
    body = edit_form(covered, remove_cover="y")
    assert client.post(f"/challenges/{covered.id}/edit", data=body).status_code == 403
    db.session.refresh(covered)
    assert covered.cover_image is not None


# --- Serving -----------------------------------------------------------------------------------


def test_the_cover_is_served_as_webp_and_cached_for_long(client, covered):
    for name in covers.file_names(covered):
        resp = client.get(f"/challenges/{covered.id}/cover/{name}")
        assert resp.status_code == 200
        assert resp.mimetype == "image/webp"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        cache = resp.cache_control
        assert cache.max_age == 365 * 24 * 3600 and cache.public and cache.immutable
        assert Image.open(io.BytesIO(resp.data)).format == "WEBP"
        resp.close()  # the file stays open until the response is closed


@pytest.mark.parametrize(
    "name",
    [
        "0123456789abcdef0123456789abcdef-800x400.webp",
        "..%2F..%2Fsecret_key",
        "secret_key",
        "x.webp",
    ],
)
def test_other_names_are_not_found(client, covered, name):
    assert client.get(f"/challenges/{covered.id}/cover/{name}").status_code == 404


def test_one_challenges_cover_is_not_served_under_another(client, covered, make_challenge):
    other = make_challenge()
    assert client.get(f"/challenges/{other.id}/cover/{covered.cover_image}").status_code == 404
    assert client.get(f"/challenges/999999/cover/{covered.cover_image}").status_code == 404


def test_a_missing_file_is_not_found(client, covered, upload_dir):
    for path in upload_dir.iterdir():
        path.unlink()
    assert client.get(f"/challenges/{covered.id}/cover/{covered.cover_image}").status_code == 404


def test_a_proposals_cover_is_shown_only_to_its_managers(client, login, make_user, covered):
    from idealaari.challenges.models import ChallengeStatus

    covered.status = ChallengeStatus.PROPOSED
    manager = make_user()
    covered.managers.append(manager)
    db.session.commit()
    url = f"/challenges/{covered.id}/cover/{covered.cover_image}"
    assert client.get(url).status_code == 404
    login(make_user())
    assert client.get(url).status_code == 404
    login(manager)
    resp = client.get(url)
    resp.close()
    assert resp.status_code == 200
    assert resp.cache_control.private and not resp.cache_control.public


def test_a_cover_is_added_while_submission_is_open(client, login, moderator, make_challenge):
    """The dates are fixed then and not shown; the form sends them back as they are."""
    import re

    challenge = make_challenge(phase="submission")
    login(moderator)
    page = client.get(f"/challenges/{challenge.id}/edit").text
    assert "the timeline and the rules are fixed" in page
    hidden = r'<input id="[a-z_]+" name="([a-z_]+_at)"(?: required)? type="hidden" value="([^"]*)"'
    sent = dict(re.findall(hidden, page))
    assert set(sent) >= {"submission_opens_at", "submission_closes_at", "closes_at"}
    body = {
        "title": challenge.title,
        "summary": challenge.summary,
        "problem_owner": str(challenge.problem_owner_id),
        **sent,
        "cover": (io.BytesIO(image_bytes()), "kansi.jpg"),
        "cover_alt": "Kansi",
    }
    assert client.post(f"/challenges/{challenge.id}/edit", data=body).status_code == 303
    db.session.refresh(challenge)
    assert challenge.cover_image and challenge.cover_alt == "Kansi"
