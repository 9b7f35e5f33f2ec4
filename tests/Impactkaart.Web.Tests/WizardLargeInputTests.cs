using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Megabytes of text in the wizard's fields, and addresses too long to carry, against the real Kestrel server with
/// its limits: a field message on the step itself with the rest of the form kept, else a page of ours below 500.
/// </summary>
public sealed class WizardLargeInputTests : IDisposable
{
    private const int MegabyteAndAHalf = 1_500_000;

    private readonly WebApp app = new();
    private readonly HttpClient client;

    public WizardLargeInputTests()
    {
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        app.ServerAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        client = app.Client();
        // The server answers a form beyond its limit before it has read it, and then closes the connection; a client
        // still sending the rest then meets a broken pipe instead of the answer. Asking first (as large uploads do)
        // lets the answer arrive before the body is sent.
        client.DefaultRequestHeaders.ExpectContinue = true;
    }

    public static TheoryData<string, string, string> HugeFields() => new()
    {
        // step, the field given 1.5 MB of text, the message where it shows (at the field on its own step, else a link to its step)
        { "/stap-1", "naam", "id=\"naam-fout\">(<span[^>]*>[^<]*</span> )?Naam: u gaf 1\\.500\\.000 tekens; er passen er 200\\." },
        { "/stap-2", "deelnemers", "id=\"deelnemers-fout\">(<span[^>]*>[^<]*</span> )?Aantal deelnemers: u gaf 1\\.500\\.000 tekens; er passen er 40\\." },
        { "/stap-3", "naam", "<a href=\"/stap-1\\?[^\"]*\">Naam: u gaf 1\\.500\\.000 tekens; er passen er 200\\." },
    };

    [Theory]
    [MemberData(nameof(HugeFields))]
    public async Task A_field_of_one_and_a_half_megabyte_gets_a_message_on_its_step_and_the_rest_of_the_form_is_kept(string step, string field, string where)
    {
        KeyValuePair<string, string>[] form = [new("ref", "budgetcoaching"), new("maanden", "9"), new("deelnemers", "80"), new("kosten", "90000")];
        var posted = form.Where(f => f.Key != field).Append(new(field, new string('x', MegabyteAndAHalf)));

        using var response = await WebApp.Post(client, "/stap-1", step, posted);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(where, html);
        Assert.DoesNotContain("Er ging iets mis", html, StringComparison.Ordinal);
        // What else was typed is still there, in its field or in the hidden state.
        Assert.Contains("value=\"budgetcoaching\"", html, StringComparison.Ordinal);
        Assert.Contains(step == "/stap-2" ? "value=\"90000\"" : "value=\"9\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_larger_than_any_field_can_be_gets_our_own_page_saying_so_in_dutch()
    {
        using var response = await WebApp.Post(client, "/stap-1", "/stap-1", [new("ref", "budgetcoaching"), new("naam", new string('x', 5_000_000))]);
        var text = WebApp.VisibleText(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Te veel tekst", text, StringComparison.Ordinal);
        Assert.Contains("Wat u verstuurde is te groot om te lezen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_back_from_step_2_with_every_field_full_of_long_text_stays_within_what_an_address_can_carry()
    {
        // Each amount and the name at their limits, in characters that take nine in an address ("€" is %E2%82%AC).
        var fields = new List<KeyValuePair<string, string>> { new("ref", "budgetcoaching"), new("naam", new string('€', 1_000)), new("actie", "terug") };
        fields.AddRange(new[] { "deelnemers", "kosten", "personeel", "uren", "uurtarief", "vrijwilligers", "materiaal", "overhead", "eigenuren", "discontovoet", "maanden", "start" }
            .Select(key => new KeyValuePair<string, string>(key, new string('€', 1_000))));
        using var back = await WebApp.Post(client, "/stap-2?ref=budgetcoaching", "/stap-2", fields);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);

        using var step1 = await client.GetAsync(back.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, step1.StatusCode);
        Assert.Contains(new string('€', 200), System.Net.WebUtility.HtmlDecode(await step1.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/registreren", "naam")]
    [InlineData("/inloggen", "email")]
    [InlineData("/wachtwoord-vergeten", "email")]
    public async Task Any_other_form_sent_too_large_gets_the_same_page_not_something_went_wrong(string page, string field)
    {
        using var response = await WebApp.Post(client, page, page, [new(field, new string('x', 2_000_000))]);
        var text = WebApp.VisibleText(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Te veel tekst", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/stap-1")]
    [InlineData("/stap-2")]
    [InlineData("/stap-3")]
    [InlineData("/kaart")]
    public async Task An_address_too_long_for_the_server_is_refused_as_too_long_never_as_a_failure(string page)
    {
        // The state is in the address; 100 kB of it is more than the server reads (8 kB a request line).
        using var response = await client.GetAsync(page + "?ref=budgetcoaching&deelnemers=80&kosten=90000&naam=" + new string('x', 100_000));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }
}
