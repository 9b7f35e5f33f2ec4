using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The answer at an /api address that no endpoint took. When the path is an endpoint's but the method is not
/// (DELETE /api/v1/compute), it is 405 with the methods the path does answer in <c>Allow</c>; otherwise 404.
/// The catch-all fallback accepts every method, so routing itself never gets to say 405 here: this asks the app's
/// own route table instead, so a new endpoint needs no list kept up to date. Only patterns are compared, never ids
/// against the database, so a 405 says nothing about whether a project exists.
/// </summary>
public static class ApiFallback
{
    public static ProblemHttpResult Answer(HttpContext context, EndpointDataSource endpoints, ParameterPolicyFactory policies)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoints);
        var request = context.Request;
        var allowed = AllowedMethods(context, endpoints, policies);
        if (allowed.Count == 0 || allowed.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            // An endpoint that takes this method but was passed over (a routing policy) is not ours to call 405 either.
            return ApiProblems.NoSuchAddress(ApiLanguage.Of(request), request.Path);
        }
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return ApiProblems.MethodNotAllowed(ApiLanguage.Of(request), request.Method, request.Path, allowed);
    }

    /// <summary>The methods of every endpoint whose route pattern, constraints included, matches the request's path.</summary>
    private static List<string> AllowedMethods(HttpContext context, EndpointDataSource endpoints, ParameterPolicyFactory policies)
    {
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            // Endpoints without methods take every method (this fallback itself); they never make a 405.
            if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods
                && endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>() is not { SuppressMatching: true }
                && Matches(endpoint.RoutePattern, context, policies))
            {
                allowed.UnionWith(methods.HttpMethods);
            }
        }
        return [.. allowed];
    }

    private static bool Matches(RoutePattern pattern, HttpContext context, ParameterPolicyFactory policies)
    {
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults)).TryMatch(context.Request.Path, values))
        {
            return false;
        }
        // "/projects/geen-id" fits the shape of "/projects/{id:guid}" but not its constraint: no such address, so 404.
        foreach (var (name, references) in pattern.ParameterPolicies)
        {
            var parameter = pattern.GetParameter(name);
            foreach (var reference in references)
            {
                if (policies.Create(parameter, reference) is IRouteConstraint constraint
                    && !constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
