namespace Impactkaart.Reports;

internal static class Placeholder;
