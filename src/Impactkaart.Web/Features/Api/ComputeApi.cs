namespace Impactkaart.Web.Features.Api;

/// <summary>(Being built.)</summary>
public static class ComputeApi
{
    public static RouteGroupBuilder MapComputeApi(this RouteGroupBuilder group) => group;
}
