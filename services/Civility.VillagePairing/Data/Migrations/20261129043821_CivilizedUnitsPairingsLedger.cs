using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Civility.VillagePairing.Data.Migrations
{
    /// <inheritdoc />
    public partial class CivilizedUnitsPairingsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessments",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    civilized_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    registration_rate = table.Column<decimal>(type: "numeric", nullable: false),
                    per_capita_hours = table.Column<decimal>(type: "numeric", nullable: false),
                    activities_held = table.Column<decimal>(type: "numeric", nullable: false),
                    pledges_delivered = table.Column<decimal>(type: "numeric", nullable: false),
                    tasks_done = table.Column<decimal>(type: "numeric", nullable: false),
                    score = table.Column<decimal>(type: "numeric", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assessed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "civilized_units",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: false),
                    review_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    revocation_proposed = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_civilized_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "creation_tasks",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_evidence_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_creation_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "known_volunteers",
                schema: "pairing",
                columns: table => new
                {
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_staff = table.Column<bool>(type: "boolean", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_volunteers", x => x.volunteer_id);
                });

            migrationBuilder.CreateTable(
                name: "unit_year_stats",
                schema: "pairing",
                columns: table => new
                {
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: false),
                    approved_hours = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_year_stats", x => new { x.unit_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "assessment_deductions",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    item = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    points = table.Column<decimal>(type: "numeric", nullable: false),
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_deductions", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_deductions_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalSchema: "pairing",
                        principalTable: "assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "civilized_unit_status_changes",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    civilized_unit_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_civilized_unit_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_civilized_unit_status_changes_civilized_units_civilized_uni",
                        column: x => x.civilized_unit_id,
                        principalSchema: "pairing",
                        principalTable: "civilized_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pairings",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    civilized_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    place_id = table.Column<Guid>(type: "uuid", nullable: false),
                    place_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: false),
                    goals = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pairings", x => x.id);
                    table.ForeignKey(
                        name: "fk_pairings_civilized_units_civilized_unit_id",
                        column: x => x.civilized_unit_id,
                        principalSchema: "pairing",
                        principalTable: "civilized_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pairings_places_place_id",
                        column: x => x.place_id,
                        principalSchema: "pairing",
                        principalTable: "places",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "creation_task_assignments",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_creation_task_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_creation_task_assignments_creation_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "pairing",
                        principalTable: "creation_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pairing_activities",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    civilized_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pairing_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_pairing_activities_pairings_pairing_id",
                        column: x => x.pairing_id,
                        principalSchema: "pairing",
                        principalTable: "pairings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pairing_contacts",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pairing_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_pairing_contacts_pairings_pairing_id",
                        column: x => x.pairing_id,
                        principalSchema: "pairing",
                        principalTable: "pairings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pledges",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    unit_of_measure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    delivered = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pledges", x => x.id);
                    table.ForeignKey(
                        name: "fk_pledges_pairings_pairing_id",
                        column: x => x.pairing_id,
                        principalSchema: "pairing",
                        principalTable: "pairings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "activity_people_served",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    group = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_people_served", x => x.id);
                    table.ForeignKey(
                        name: "fk_activity_people_served_pairing_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "pairing",
                        principalTable: "pairing_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activity_volunteers",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_volunteers", x => x.id);
                    table.ForeignKey(
                        name: "fk_activity_volunteers_pairing_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "pairing",
                        principalTable: "pairing_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                schema: "pairing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pledge_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_deliveries_pledges_pledge_id",
                        column: x => x.pledge_id,
                        principalSchema: "pairing",
                        principalTable: "pledges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_people_served_activity_id",
                schema: "pairing",
                table: "activity_people_served",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_activity_volunteers_activity_id",
                schema: "pairing",
                table: "activity_volunteers",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_deductions_assessment_id",
                schema: "pairing",
                table: "assessment_deductions",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_civilized_unit_id_year",
                schema: "pairing",
                table: "assessments",
                columns: new[] { "civilized_unit_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_civilized_unit_status_changes_civilized_unit_id",
                schema: "pairing",
                table: "civilized_unit_status_changes",
                column: "civilized_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_civilized_units_credit_code",
                schema: "pairing",
                table: "civilized_units",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_civilized_units_status_review_deadline",
                schema: "pairing",
                table: "civilized_units",
                columns: new[] { "status", "review_deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_civilized_units_unit_code",
                schema: "pairing",
                table: "civilized_units",
                column: "unit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_creation_task_assignments_task_id",
                schema: "pairing",
                table: "creation_task_assignments",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_creation_task_assignments_unit_code",
                schema: "pairing",
                table: "creation_task_assignments",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_creation_tasks_status_deadline",
                schema: "pairing",
                table: "creation_tasks",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_pledge_id",
                schema: "pairing",
                table: "deliveries",
                column: "pledge_id");

            migrationBuilder.CreateIndex(
                name: "ix_known_volunteers_unit_code",
                schema: "pairing",
                table: "known_volunteers",
                column: "unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_pairing_activities_pairing_id",
                schema: "pairing",
                table: "pairing_activities",
                column: "pairing_id");

            migrationBuilder.CreateIndex(
                name: "ix_pairing_activities_unit_code_date",
                schema: "pairing",
                table: "pairing_activities",
                columns: new[] { "unit_code", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_pairing_contacts_pairing_id",
                schema: "pairing",
                table: "pairing_contacts",
                column: "pairing_id");

            migrationBuilder.CreateIndex(
                name: "ix_pairings_civilized_unit_id",
                schema: "pairing",
                table: "pairings",
                column: "civilized_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_pairings_place_id",
                schema: "pairing",
                table: "pairings",
                column: "place_id");

            migrationBuilder.CreateIndex(
                name: "ix_pairings_unit_code_status",
                schema: "pairing",
                table: "pairings",
                columns: new[] { "unit_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_pledges_pairing_id",
                schema: "pairing",
                table: "pledges",
                column: "pairing_id");

            migrationBuilder.CreateIndex(
                name: "ix_pledges_unit_code_due_date",
                schema: "pairing",
                table: "pledges",
                columns: new[] { "unit_code", "due_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_people_served",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "activity_volunteers",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "assessment_deductions",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "civilized_unit_status_changes",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "creation_task_assignments",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "deliveries",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "known_volunteers",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "pairing_contacts",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "unit_year_stats",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "pairing_activities",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "assessments",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "creation_tasks",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "pledges",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "pairings",
                schema: "pairing");

            migrationBuilder.DropTable(
                name: "civilized_units",
                schema: "pairing");
        }
    }
}
