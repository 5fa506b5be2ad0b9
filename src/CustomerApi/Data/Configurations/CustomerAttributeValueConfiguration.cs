using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerAttributeValueConfiguration : IEntityTypeConfiguration<CustomerAttributeValue>
{
    public void Configure(EntityTypeBuilder<CustomerAttributeValue> value)
    {
        value.HasKey(v => new { v.StoreId, v.Id });
        value.Property(v => v.Id).ValueGeneratedNever();
        value.Property(v => v.Value).HasMaxLength(CustomerAttributeValue.ValueLength);

        // Deleting a customer (V2 or V3) or an attribute deletes its values, in the database itself.
        value.HasOne<Customer>().WithMany().HasForeignKey(v => new { v.StoreId, v.CustomerId }).OnDelete(DeleteBehavior.Cascade);
        value.HasOne<CustomerAttribute>().WithMany().HasForeignKey(v => new { v.StoreId, v.AttributeId }).OnDelete(DeleteBehavior.Cascade);

        // One value per (customer, attribute): the upsert's key, and what customer_id:in reads.
        value.HasIndex(v => new { v.StoreId, v.CustomerId, v.AttributeId }).IsUnique();
        value.HasIndex(v => new { v.StoreId, v.AttributeId });
        value.HasIndex(v => new { v.StoreId, v.DateCreated });
        value.HasIndex(v => new { v.StoreId, v.DateModified });
    }
}
