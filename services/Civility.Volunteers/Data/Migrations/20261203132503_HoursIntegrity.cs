using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.Volunteers.Data.Migrations
{
    /// <inheritdoc />
    public partial class HoursIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "approved_hours",
                schema: "volunteers",
                table: "unit_year_hours",
                newName: "staff_hours");

            migrationBuilder.AddColumn<decimal>(
                name: "other_hours",
                schema: "volunteers",
                table: "unit_year_hours",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<long>(
                name: "version",
                schema: "volunteers",
                table: "unit_year_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "approved_in_bulk",
                schema: "volunteers",
                table: "service_records",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "counted_as_staff",
                schema: "volunteers",
                table: "service_records",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ended_at",
                schema: "volunteers",
                table: "service_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "held_reason",
                schema: "volunteers",
                table: "service_records",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "origin_unit_code",
                schema: "volunteers",
                table: "service_records",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "started_at",
                schema: "volunteers",
                table: "service_records",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "volunteers",
                table: "service_records",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
            // Hours count for the volunteer's unit, whoever recorded them (a check-out of another unit's activity was
            // filed under the activity's unit): the unit that recorded them becomes the origin.
            migrationBuilder.Sql("""
                UPDATE volunteers.service_records SET origin_unit_code = unit_code;
                UPDATE volunteers.service_records r SET unit_code = v.unit_code
                FROM volunteers.volunteers v WHERE v.id = r.volunteer_id AND r.unit_code <> v.unit_code;
                UPDATE volunteers.service_records r SET counted_as_staff = v.is_staff_of_unit
                FROM volunteers.volunteers v WHERE v.id = r.volunteer_id AND r.status IN ('Approved', 'Voided');
                """);
            // The totals are rebuilt from the records, staff hours and other hours apart.
            migrationBuilder.Sql("""
                UPDATE volunteers.unit_year_hours SET staff_hours = 0, other_hours = 0, version = 1;
                INSERT INTO volunteers.unit_year_hours AS h (unit_code, year, staff_hours, other_hours, version)
                SELECT unit_code, extract(year FROM service_date)::int,
                       coalesce(sum(hours) FILTER (WHERE counted_as_staff), 0), coalesce(sum(hours) FILTER (WHERE NOT counted_as_staff), 0), 1
                FROM volunteers.service_records WHERE status = 'Approved'
                GROUP BY unit_code, extract(year FROM service_date)
                ON CONFLICT (unit_code, year) DO UPDATE SET staff_hours = excluded.staff_hours, other_hours = excluded.other_hours;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "other_hours",
                schema: "volunteers",
                table: "unit_year_hours");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "volunteers",
                table: "unit_year_hours");

            migrationBuilder.DropColumn(
                name: "approved_in_bulk",
                schema: "volunteers",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "counted_as_staff",
                schema: "volunteers",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "ended_at",
                schema: "volunteers",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "held_reason",
                schema: "volunteers",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "origin_unit_code",
                schema: "volunteers",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "started_at",
                schema: "volunteers",
                table: "service_records");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "volunteers",
                table: "service_records");

            migrationBuilder.RenameColumn(
                name: "staff_hours",
                schema: "volunteers",
                table: "unit_year_hours",
                newName: "approved_hours");
        }
    }
}
