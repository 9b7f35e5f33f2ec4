namespace Impactkaart.Web.Features.Api;

/// <summary>(Being built.)</summary>
public static class BatchApi
{
    public static RouteGroupBuilder MapBatchApi(this RouteGroupBuilder group) => group;
}
