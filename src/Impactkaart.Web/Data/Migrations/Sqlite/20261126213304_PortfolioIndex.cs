using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Impactkaart.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortfolioIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Projects_Portfolio",
                table: "Projects",
                columns: new[] { "OrganisationId", "DeletedAt", "Theme", "StartYear", "Phase", "InvestedCents", "BenefitsCents", "Ratio", "HoursSaved", "FteSaved", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_Portfolio",
                table: "Projects");
        }
    }
}
