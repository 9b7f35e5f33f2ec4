using System.Net;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The registration form names every problem at once, at its field and in the summary, and keeps what was typed:
/// the texts always, a valid password (typed the same twice) too, so only the wrong fields need typing again.
/// </summary>
public sealed class AccountRegistrationFormTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task A_form_with_every_field_wrong_names_every_field_at_once_and_keeps_the_typed_text()
    {
        var response = await Register(app.Client(), organisation: "", name: "", email: "ria-at-voorbeeld.nl", password: "kort", repeated: "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.TextAsync();
        var summary = Html.Text(Html.ByClass(page, "error-summary"));
        Assert.Contains("Vul de naam van uw organisatie in", summary, StringComparison.Ordinal);
        Assert.Contains("Vul uw naam in", summary, StringComparison.Ordinal);
        Assert.Contains("Vul een geldig e-mailadres in", summary, StringComparison.Ordinal);
        Assert.Contains("Kies een wachtwoord van minstens 10 tekens", summary, StringComparison.Ordinal);
        Assert.Contains("Typ het wachtwoord hier nog een keer", summary, StringComparison.Ordinal);
        foreach (var field in new[] { "organisatie", "naam", "email", "wachtwoord", "herhaal" })
        {
            Assert.Contains($"<a href=\"#{field}\">", page, StringComparison.Ordinal);
            Assert.NotNull(Html.ByAttribute(page, "id", field + "-fout"));
        }
        var again = HtmlForm.WithButton(page, "Aanmelden");
        Assert.Equal("ria-at-voorbeeld.nl", again["email"]);
        // An invalid password is not shown again: both password fields start empty.
        Assert.Equal("", again["wachtwoord"]);
        Assert.Equal("", again["herhaal"]);
    }

    [Fact]
    public async Task A_valid_password_is_kept_when_only_another_field_was_wrong_and_the_corrected_form_registers()
    {
        var email = $"bewaard-{Guid.NewGuid():N}@voorbeeld.nl";
        var client = app.Client();

        var response = await Register(client, organisation: "Buurtteam Oost", name: "", email: email, password: Password, repeated: Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The page holds the password: no browser may keep it.
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: " + response.Headers.CacheControl);
        var page = await response.TextAsync();
        var summary = Html.Text(Html.ByClass(page, "error-summary"));
        Assert.Contains("Vul uw naam in", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("wachtwoord", summary, StringComparison.OrdinalIgnoreCase);
        var again = HtmlForm.WithButton(page, "Aanmelden");
        Assert.Equal("Buurtteam Oost", again["organisatie"]);
        Assert.Equal(email, again["email"]);
        Assert.Equal(Password, again["wachtwoord"]);
        Assert.Equal(Password, again["herhaal"]);

        var registered = await again.With("naam", "Ria de Vries").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("We hebben een e-mail gestuurd naar " + email, await registered.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_different_passwords_clear_both_and_ask_to_type_both_again_beside_the_other_messages()
    {
        var response = await Register(app.Client(), organisation: "Buurtteam Oost", name: "Ria", email: "geen adres", password: Password, repeated: Password + "!");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.TextAsync();
        var summary = Html.Text(Html.ByClass(page, "error-summary"));
        Assert.Contains("Vul een geldig e-mailadres in", summary, StringComparison.Ordinal);
        Assert.Contains("De twee wachtwoorden zijn niet gelijk. Typ ze allebei opnieuw.", summary, StringComparison.Ordinal);
        var again = HtmlForm.WithButton(page, "Aanmelden");
        Assert.Equal("Ria", again["naam"]);
        Assert.Equal("", again["wachtwoord"]);
        Assert.Equal("", again["herhaal"]);
    }

    [Fact]
    public async Task A_too_short_password_typed_differently_twice_names_both_password_fields()
    {
        var response = await Register(app.Client(), organisation: "Buurtteam Oost", name: "Ria", email: "ria@voorbeeld.nl", password: "kort", repeated: "anders");

        var page = await response.TextAsync();
        Assert.NotNull(Html.ByAttribute(page, "id", "wachtwoord-fout"));
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", Html.Text(Html.ByAttribute(page, "id", "herhaal-fout")), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Register(HttpClient client, string organisation, string name, string email, string password, string repeated) =>
        WebApp.Post(client, "/registreren", "/registreren",
        [
            new("organisatie", organisation), new("naam", name), new("email", email), new("wachtwoord", password), new("herhaal", repeated),
        ]);
}
