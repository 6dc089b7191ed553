using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.MoralModels.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnitCreditGate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "organization_code",
                schema: "moral_models",
                table: "credit_listings",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            // Organization listings received before this migration: their credit code is the identifier they carry.
            migrationBuilder.Sql(
                "UPDATE moral_models.credit_listings SET organization_code = upper(trim(masked_identifier)) WHERE lower(subject_kind) = 'organization';");

            migrationBuilder.AddColumn<string>(
                name: "unit_code",
                schema: "moral_models",
                table: "credit_gate_decisions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "known_units",
                schema: "moral_models",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_units", x => x.unit_code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_listings_organization_code",
                schema: "moral_models",
                table: "credit_listings",
                column: "organization_code");

            migrationBuilder.CreateIndex(
                name: "ix_known_units_credit_code",
                schema: "moral_models",
                table: "known_units",
                column: "credit_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_units",
                schema: "moral_models");

            migrationBuilder.DropIndex(
                name: "ix_credit_listings_organization_code",
                schema: "moral_models",
                table: "credit_listings");

            migrationBuilder.DropColumn(
                name: "organization_code",
                schema: "moral_models",
                table: "credit_listings");

            migrationBuilder.DropColumn(
                name: "unit_code",
                schema: "moral_models",
                table: "credit_gate_decisions");
        }
    }
}
