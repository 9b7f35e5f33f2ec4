using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Impactkaart.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Funders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Breakdown",
                table: "Projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "WelfareBenefitsCents",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "IsFunder",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsProvider",
                table: "Organisations",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // every organisation made before funders existed runs projects

            migrationBuilder.CreateTable(
                name: "FundedProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scheme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Neighbourhoods = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ConnectedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConnectedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundedProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundedProjects_Organisations_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundedProjects_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FunderRelations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunderRelations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FunderRelations_Organisations_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FunderRelations_Organisations_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FundedProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OutcomeId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProposedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcceptedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RealisedCount = table.Column<double>(type: "REAL", nullable: true),
                    RealisedNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RealisedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultAgreements_FundedProjects_FundedProjectId",
                        column: x => x.FundedProjectId,
                        principalTable: "FundedProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_IsFunder_Name",
                table: "Organisations",
                columns: new[] { "IsFunder", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_FunderId_ProviderId",
                table: "FundedProjects",
                columns: new[] { "FunderId", "ProviderId" });

            migrationBuilder.CreateIndex(
                name: "IX_FundedProjects_ProjectId_FunderId",
                table: "FundedProjects",
                columns: new[] { "ProjectId", "FunderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FunderRelations_FunderId",
                table: "FunderRelations",
                column: "FunderId");

            migrationBuilder.CreateIndex(
                name: "IX_FunderRelations_ProviderId_FunderId",
                table: "FunderRelations",
                columns: new[] { "ProviderId", "FunderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultAgreements_FundedProjectId",
                table: "ResultAgreements",
                column: "FundedProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultAgreements_FunderId_ProjectId",
                table: "ResultAgreements",
                columns: new[] { "FunderId", "ProjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FunderRelations");

            migrationBuilder.DropTable(
                name: "ResultAgreements");

            migrationBuilder.DropTable(
                name: "FundedProjects");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_IsFunder_Name",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Breakdown",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "WelfareBenefitsCents",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "IsFunder",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "IsProvider",
                table: "Organisations");
        }
    }
}
