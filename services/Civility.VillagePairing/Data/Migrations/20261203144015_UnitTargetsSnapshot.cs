using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.VillagePairing.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnitTargetsSnapshot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {




            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "pairing",
                table: "unit_year_stats");

            migrationBuilder.AddColumn<long>(
                name: "figures_version",
                schema: "pairing",
                table: "unit_year_stats",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<decimal>(
                name: "other_hours",
                schema: "pairing",
                table: "unit_year_stats",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "registered_staff",
                schema: "pairing",
                table: "unit_year_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "staff_hours",
                schema: "pairing",
                table: "unit_year_stats",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "pairing",
                table: "unit_year_stats",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Until the volunteer service's first snapshot of a unit-year replaces them (version 0 is older than any),
            // the figures are what this service had counted itself.
            migrationBuilder.Sql("""
                UPDATE pairing.unit_year_stats s SET staff_hours = s.approved_hours, updated_at = now(),
                    registered_staff = (SELECT count(*) FROM pairing.known_volunteers v
                                        WHERE v.unit_code = s.unit_code AND v.is_staff
                                          AND v.registered_at < (make_timestamp(s.year + 1, 1, 1, 0, 0, 0) - interval '8 hours') AT TIME ZONE 'UTC');
                """);

            migrationBuilder.DropColumn(
                name: "approved_hours",
                schema: "pairing",
                table: "unit_year_stats");

            migrationBuilder.DropTable(
                name: "known_volunteers",
                schema: "pairing");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "figures_version",
                schema: "pairing",
                table: "unit_year_stats");

            migrationBuilder.DropColumn(
                name: "other_hours",
                schema: "pairing",
                table: "unit_year_stats");

            migrationBuilder.DropColumn(
                name: "registered_staff",
                schema: "pairing",
                table: "unit_year_stats");

            migrationBuilder.DropColumn(
                name: "staff_hours",
                schema: "pairing",
                table: "unit_year_stats");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "pairing",
                table: "unit_year_stats");

            migrationBuilder.AddColumn<decimal>(
                name: "approved_hours",
                schema: "pairing",
                table: "unit_year_stats",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "pairing",
                table: "unit_year_stats",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "known_volunteers",
                schema: "pairing",
                columns: table => new
                {
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_staff = table.Column<bool>(type: "boolean", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_volunteers", x => x.volunteer_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_known_volunteers_unit_code",
                schema: "pairing",
                table: "known_volunteers",
                column: "unit_code");
        }
    }
}
