using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class FormFieldValueConfiguration : IEntityTypeConfiguration<FormFieldValue>
{
    public void Configure(EntityTypeBuilder<FormFieldValue> value)
    {
        value.HasKey(v => new { v.StoreId, v.Id });
        value.Property(v => v.Id).ValueGeneratedNever();

        // Deleting a customer, an address (V2 or V3; a customer's with it) or a field deletes its values, in the database itself.
        value.HasOne<Customer>().WithMany().HasForeignKey(v => new { v.StoreId, v.CustomerId }).OnDelete(DeleteBehavior.Cascade);
        value.HasOne<CustomerAddress>().WithMany().HasForeignKey(v => new { v.StoreId, v.AddressId }).OnDelete(DeleteBehavior.Cascade);
        value.HasOne<FormField>().WithMany().HasForeignKey(v => new { v.StoreId, v.FieldId }).OnDelete(DeleteBehavior.Cascade);

        // One value per (owner, field): what the upsert and customer_id / address_id read.
        value.HasIndex(v => new { v.StoreId, v.CustomerId, v.FieldId }).IsUnique();
        value.HasIndex(v => new { v.StoreId, v.AddressId, v.FieldId }).IsUnique();
        value.HasIndex(v => new { v.StoreId, v.FieldId });
        value.ToTable(t => t.HasCheckConstraint("ck_form_field_values_one_owner", "(customer_id IS NULL) <> (address_id IS NULL)"));
    }
}
