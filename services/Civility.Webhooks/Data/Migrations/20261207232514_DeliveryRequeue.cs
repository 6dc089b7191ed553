using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Civility.Webhooks.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryRequeue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts_before_requeue",
                schema: "webhooks",
                table: "deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attempts_before_requeue",
                schema: "webhooks",
                table: "deliveries");
        }
    }
}
