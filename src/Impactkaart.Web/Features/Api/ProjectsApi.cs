namespace Impactkaart.Web.Features.Api;

/// <summary>(Being built.)</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder group) => group;
}
