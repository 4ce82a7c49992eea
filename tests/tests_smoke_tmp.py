from idealaari.accounts.models import Role
from idealaari.ideas.models import IdeaStatus

def test_pages(client, login, make_user, make_idea, make_theme):
    theme = make_theme()
    u = make_user(role=Role.MODERATOR)
    idea = make_idea(author=u, themes=[theme], tags=["kotihoito", "etä"])
    make_idea(author=u, status=IdeaStatus.DRAFT)
    make_idea(author=u, status=IdeaStatus.ARCHIVED)
    login(u)
    for url in ["/", "/ideas", "/ideas/archive", f"/ideas/{idea.id}-{idea.slug}", f"/ideas/{idea.id}/edit", f"/ideas/{idea.id}/history",
                "/ideas/new", "/themes", f"/themes/{theme.id}/edit", f"/members/{u.id}", "/organisations/", f"/organisations/{u.organisation.code}",
                "/account/password", "/accessibility", "/healthz", "/api/v1/ideas", f"/api/v1/ideas/{idea.id}", "/api/v1/organisations", "/nope"]:
        r = client.get(url)
        print(url, r.status_code, len(r.data))
        assert r.status_code in (200, 404), r.text[:3000]
