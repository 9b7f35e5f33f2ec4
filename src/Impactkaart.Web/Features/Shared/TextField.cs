namespace Impactkaart.Web.Features.Shared;

/// <summary>One labelled input with its hint and its message, as the partial "_TextField" renders it.</summary>
public sealed record TextField(string Key, string Label, string? Hint, string? Value, string? Error, string Type = "text", string Css = "narrow", string? InputMode = null, string AutoComplete = "off");
