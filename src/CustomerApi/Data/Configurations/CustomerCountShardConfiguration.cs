using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerCountShardConfiguration : IEntityTypeConfiguration<CustomerCountShard>
{
    public void Configure(EntityTypeBuilder<CustomerCountShard> shard)
    {
        shard.HasKey(s => new { s.StoreId, s.Shard });
        shard.Property(s => s.Shard).ValueGeneratedNever();
        shard.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}
