// Sites, items and BOMs of the synthetic AI-server factory.
//
// Cost levels follow public figures: GPUs ~$12k (H20) to $30-38k (H100..B200), 8-GPU servers ~$0.3M, GB200
// NVL72 racks ~$2.7M of material. Products are levels 0, trays 1, boards 2, bought parts the leaves:
// RACK -> TRAY -> BRD -> GPU/CPU/memory. Every item is added after its children, so the index order is a
// topological order (children first), which the roll-up and the BOM explosion rely on.

#include <algorithm>
#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "generate/rng.h"
#include "generate/synthetic_factory.h"

namespace takt::gen {
namespace {

struct ComponentSpec {
  const char* code;
  const char* description;
  int64_t cost_cents;
  const char* export_class;
  int32_t lead_time_days;  // -1: vendor-allocated, supply.csv only
  AllocProfile alloc;
};

constexpr AllocProfile kNoAlloc = AllocProfile::kNone;

constexpr ComponentSpec kComponents[] = {
    // Vendor-allocated week by week (HBM sold out): no purchase lead time, only the allocations in supply.csv.
    {"GPU-H100", "H100 SXM5 80 GB GPU module", 3000000, "3A090", -1, AllocProfile::kDeclining},
    {"GPU-H200", "H200 SXM5 141 GB GPU module", 3400000, "3A090", -1, AllocProfile::kFlat},
    {"GPU-B200", "B200 SXM6 180 GB GPU module", 3800000, "3A090", -1, AllocProfile::kRamping},
    {"GPU-B200-SC", "B200 GPU for GB200 superchip boards", 3000000, "3A090", -1, AllocProfile::kRamping},
    // Allocated with the superchip GPUs, one per two, so it must directly follow GPU-B200-SC.
    {"CPU-GRACE", "Grace 72-core CPU for GB200 superchip boards", 220000, "", -1, AllocProfile::kHalfOfPrevious},
    {"GPU-H20", "H20 SXM5 96 GB GPU module (China)", 1200000, "3A991", -1, AllocProfile::kFlat},
    {"GPU-L40S", "L40S 48 GB PCIe GPU", 750000, "3A090", -1, AllocProfile::kFlat},
    {"GPU-H100-NVL", "H100 NVL 94 GB PCIe GPU", 2600000, "3A090", -1, AllocProfile::kFlat},
    // Commodity parts, bought with a purchase lead time.
    {"CPU-XEON-8580", "Xeon Platinum 8580 60-core CPU", 780000, "", 70, kNoAlloc},
    {"CPU-EPYC-9654", "EPYC 9654 96-core CPU", 720000, "", 63, kNoAlloc},
    {"DIMM-64G", "64 GB DDR5-5600 RDIMM", 28000, "", 56, kNoAlloc},
    {"DIMM-96G", "96 GB DDR5-5600 RDIMM", 42000, "", 56, kNoAlloc},
    {"DIMM-128G", "128 GB DDR5-5600 RDIMM", 64000, "", 70, kNoAlloc},
    {"MEM-LPDDR5X-480G", "480 GB LPDDR5X for Grace", 150000, "", 98, kNoAlloc},
    {"NIC-CX7-400G", "ConnectX-7 400G NIC", 110000, "", 84, kNoAlloc},
    {"NIC-CX8-800G", "ConnectX-8 800G SuperNIC", 170000, "", 112, kNoAlloc},
    {"DPU-BF3", "BlueField-3 DPU", 200000, "", 84, kNoAlloc},
    {"NVME-3.84T", "3.84 TB NVMe U.2 SSD", 40000, "", 35, kNoAlloc},
    {"NVME-7.68T", "7.68 TB NVMe U.2 SSD", 75000, "", 35, kNoAlloc},
    {"BOOT-M2-960G", "960 GB M.2 boot SSD", 12000, "", 28, kNoAlloc},
    {"PSU-3300W", "3300 W titanium power supply", 45000, "", 42, kNoAlloc},
    {"PSU-2700W", "2700 W titanium power supply", 32000, "", 42, kNoAlloc},
    {"PWR-SHELF-33KW", "33 kW rack power shelf", 300000, "", 84, kNoAlloc},
    {"BBU-SHELF", "rack battery backup shelf", 420000, "", 84, kNoAlloc},
    {"BUSBAR-48V", "48 V rack busbar", 200000, "", 70, kNoAlloc},
    {"FAN-80MM", "80 mm hot-swap fan module", 4550, "", 28, kNoAlloc},
    {"HEATSINK-CPU", "CPU heatsink", 3500, "", 28, kNoAlloc},
    {"HEATSINK-HGX", "HGX air heatsink set", 90000, "", 49, kNoAlloc},
    {"COLD-PLATE-HGX", "HGX liquid cold-plate loop", 240000, "", 98, kNoAlloc},
    {"COLD-PLATE-TRAY", "compute tray cold-plate loop", 140000, "", 98, kNoAlloc},
    {"COLD-PLATE-SW", "switch tray cold plate", 60000, "", 98, kNoAlloc},
    {"QD-PAIR", "coolant quick-disconnect pair", 6000, "", 70, kNoAlloc},
    {"MANIFOLD-RACK", "rack coolant manifold", 1500000, "", 112, kNoAlloc},
    {"CHASSIS-8U", "8U GPU server chassis", 220000, "", 56, kNoAlloc},
    {"CHASSIS-10U", "10U GPU server chassis", 260000, "", 56, kNoAlloc},
    {"CHASSIS-4U-LC", "4U liquid-cooled GPU server chassis", 240000, "", 63, kNoAlloc},
    {"CHASSIS-4U-INF", "4U PCIe GPU server chassis", 110000, "", 42, kNoAlloc},
    {"CHASSIS-2U-INF", "2U PCIe GPU server chassis", 90000, "", 42, kNoAlloc},
    {"CHASSIS-1U-CMP", "1U compute tray chassis", 110000, "", 63, kNoAlloc},
    {"CHASSIS-1U-SW", "1U switch tray chassis", 90000, "", 63, kNoAlloc},
    {"RACK-FRAME-MGX", "MGX 48U rack frame", 1200000, "", 84, kNoAlloc},
    {"RAIL-KIT", "server rail kit", 12000, "", 21, kNoAlloc},
    {"CABLE-KIT-SRV", "server cable kit", 35000, "", 28, kNoAlloc},
    {"CABLE-NVL-CART", "NVLink spine cable cartridge", 600000, "", 126, kNoAlloc},
    {"NVL-BRIDGE", "NVLink bridge for PCIe GPUs", 25000, "", 56, kNoAlloc},
    {"SW-MGMT-1G", "1 GbE management switch", 350000, "", 56, kNoAlloc},
    {"SW-TOR-400G", "400 GbE top-of-rack switch", 1800000, "", 84, kNoAlloc},
    {"PCB-HGX-HOPPER", "HGX 8-GPU Hopper baseboard", 350000, "", 84, kNoAlloc},
    {"PCB-HGX-B200", "HGX 8-GPU Blackwell baseboard", 420000, "", 98, kNoAlloc},
    {"NVSWITCH-G3", "NVSwitch gen-3 chip", 120000, "", 112, kNoAlloc},
    {"NVSWITCH-G4", "NVLink switch chip (Blackwell)", 320000, "", 140, kNoAlloc},
    {"PCB-MB-XEON", "dual-socket Xeon motherboard", 120000, "", 56, kNoAlloc},
    {"PCB-MB-EPYC", "dual-socket EPYC motherboard", 110000, "", 56, kNoAlloc},
    {"PCB-GB200", "GB200 superchip board", 180000, "", 98, kNoAlloc},
    {"PCB-SW-TRAY", "NVLink switch tray board", 150000, "", 98, kNoAlloc},
};

// Routing templates. Usage is in the resource's own units: board lines and build stations turn out several units
// a day (usage < 1), burn-in slots hold a server (1) or a rack (8 server equivalents) for the whole test.
constexpr StepTemplate kBoardSteps[] = {{kBoard, 500, 1}};
constexpr StepTemplate kMotherboardSteps[] = {{kBoard, 400, 1}};
constexpr StepTemplate kComputeTraySteps[] = {{kTrayBuild, 1000, 1}, {kLeakTest, 200, 1}};
constexpr StepTemplate kSwitchTraySteps[] = {{kTrayBuild, 800, 1}, {kLeakTest, 200, 1}};
constexpr StepTemplate kRackSteps[] = {{kRackIntegration, 10000, 2}, {kLeakTest, 5000, 1}, {kBurnIn, 80000, 3}};
constexpr StepTemplate kAirServerSteps[] = {{kServerBuild, 2500, 1}, {kBurnIn, 10000, 2}};
constexpr StepTemplate kLiquidServerSteps[] = {{kServerBuild, 3000, 1}, {kLeakTest, 1000, 1}, {kBurnIn, 10000, 2}};
constexpr StepTemplate kInferenceSteps[] = {{kServerBuild, 1500, 1}, {kBurnIn, 5000, 1}};

constexpr SiteDef kSites[kMaxSites] = {
    {"AUS", "US", "Austin integration centre"},
    {"GDL", "MX", "Guadalajara server plant"},
    {"TPE", "TW", "Taoyuan rack and server plant"},
    {"PEN", "MY", "Penang server plant"},
};

// Share of each family's unassigned demand built at AUS, GDL, TPE, PEN (0: cannot build it there).
constexpr uint32_t kFamilySites[kFamilyCount][kMaxSites] = {
    {30, 50, 0, 20},   // H100
    {35, 35, 15, 15},  // H200
    {40, 30, 20, 10},  // B200
    {50, 0, 35, 15},   // B200 liquid-cooled
    {55, 0, 45, 0},    // GB200 NVL72 racks: the two liquid-cooling sites
    {0, 0, 60, 40},    // H20: built in Asia for China
    {40, 40, 0, 20},   // L40S inference
    {50, 50, 0, 0},    // H100 NVL inference
};

enum class FamilyShape : uint8_t { kAirServer, kLiquidServer, kInference, kRack };

struct FamilySpec {
  const char* code;
  const char* label;
  const char* export_class;
  FamilyShape shape;
  const char* board;  // HGX board (servers) or PCIe GPU (inference)
  int gpu_count;      // inference: PCIe GPUs per server
  bool blackwell;
};

constexpr FamilySpec kFamilies[kFamilyCount] = {
    {"SRV-H100-8G", "8-GPU H100 air-cooled server", "4A090", FamilyShape::kAirServer, "BRD-HGX-H100", 0, false},
    {"SRV-H200-8G", "8-GPU H200 air-cooled server", "4A090", FamilyShape::kAirServer, "BRD-HGX-H200", 0, false},
    {"SRV-B200-8G", "8-GPU B200 air-cooled server", "4A090", FamilyShape::kAirServer, "BRD-HGX-B200", 0, true},
    {"SRV-B200-8G-LC", "8-GPU B200 liquid-cooled server", "4A090", FamilyShape::kLiquidServer, "BRD-HGX-B200", 0, true},
    {"RACK-GB200-NVL72", "GB200 NVL72 liquid-cooled rack", "4A090", FamilyShape::kRack, "", 0, true},
    {"SRV-H20-8G", "8-GPU H20 air-cooled server (China)", "4A994", FamilyShape::kAirServer, "BRD-HGX-H20", 0, false},
    {"SRV-L40S-8G-INF", "8-GPU L40S PCIe inference server", "4A090", FamilyShape::kInference, "GPU-L40S", 8, false},
    {"SRV-H100NVL-4G-INF", "4-GPU H100 NVL PCIe inference server", "4A090", FamilyShape::kInference, "GPU-H100-NVL", 4,
     false},
};

// Configuration spaces: servers combine CPU x DIMM type x DIMM count x NIC x SSD type x SSD count x DPUs;
// racks combine compute tray x power shelves x battery shelves x top-of-rack switches. Index 0 is the standard
// configuration.
constexpr int kServerConfigs = 2 * 3 * 2 * 2 * 2 * 2 * 2;
constexpr int kRackConfigs = 2 * 2 * 3 * 3;

class CatalogueBuilder {
 public:
  explicit CatalogueBuilder(Factory& f) : f_(f) {}

  int32_t Find(std::string_view code) const {
    for (size_t i = 0; i < f_.items.size(); ++i) {
      if (f_.items[i].code == code) return static_cast<int32_t>(i);
    }
    return -1;
  }

  int32_t Begin(std::string code, std::string description, Kind kind, const char* export_class,
                std::span<const StepTemplate> steps) {
    ItemDef item;
    item.code = std::move(code);
    item.description = std::move(description);
    item.kind = kind;
    item.export_class = export_class;
    item.steps = steps;
    item.bom_begin = item.bom_end = static_cast<uint32_t>(f_.bom.size());
    f_.items.push_back(std::move(item));
    return static_cast<int32_t>(f_.items.size() - 1);
  }

  /// Adds a child to the item begun last (BOM rows of a parent stay contiguous).
  void Child(std::string_view code, int qty) {
    if (qty <= 0) return;
    const int32_t parent = static_cast<int32_t>(f_.items.size() - 1);
    const int32_t child = Find(code);
    assert(child >= 0 && "a BOM child must be added before its parent");
    f_.bom.push_back({parent, child, qty});
    f_.items.back().bom_end = static_cast<uint32_t>(f_.bom.size());
  }

 private:
  Factory& f_;
};

void AddAssemblies(CatalogueBuilder& b) {
  constexpr const char* kHopperBoards[][3] = {
      {"BRD-HGX-H100", "HGX H100 8-GPU board", "GPU-H100"},
      {"BRD-HGX-H200", "HGX H200 8-GPU board", "GPU-H200"},
      {"BRD-HGX-H20", "HGX H20 8-GPU board (China)", "GPU-H20"},
  };
  for (const auto& board : kHopperBoards) {
    const bool h20 = std::string_view(board[0]) == "BRD-HGX-H20";
    b.Begin(board[0], board[1], Kind::kAssembly, h20 ? "3A991" : "3A090", kBoardSteps);
    b.Child(board[2], 8);
    b.Child("PCB-HGX-HOPPER", 1);
    b.Child("NVSWITCH-G3", 4);
  }
  b.Begin("BRD-HGX-B200", "HGX B200 8-GPU board", Kind::kAssembly, "3A090", kBoardSteps);
  b.Child("GPU-B200", 8);
  b.Child("PCB-HGX-B200", 1);
  b.Child("NVSWITCH-G4", 2);

  b.Begin("BRD-MB-XEON", "dual Xeon 8580 host board", Kind::kAssembly, "", kMotherboardSteps);
  b.Child("PCB-MB-XEON", 1);
  b.Child("CPU-XEON-8580", 2);
  b.Child("HEATSINK-CPU", 2);
  b.Begin("BRD-MB-EPYC", "dual EPYC 9654 host board", Kind::kAssembly, "", kMotherboardSteps);
  b.Child("PCB-MB-EPYC", 1);
  b.Child("CPU-EPYC-9654", 2);
  b.Child("HEATSINK-CPU", 2);

  b.Begin("BRD-GB200", "GB200 superchip board (2 B200 + 1 Grace)", Kind::kAssembly, "3A090", kBoardSteps);
  b.Child("GPU-B200-SC", 2);
  b.Child("CPU-GRACE", 1);
  b.Child("MEM-LPDDR5X-480G", 1);
  b.Child("PCB-GB200", 1);

  for (int x8 = 0; x8 < 2; ++x8) {
    b.Begin(x8 ? "TRAY-GB200-CMP-X8" : "TRAY-GB200-CMP",
            x8 ? "GB200 compute tray, 4x CX8 800G" : "GB200 compute tray, 4x CX7 400G", Kind::kAssembly, "4A090",
            kComputeTraySteps);
    b.Child("BRD-GB200", 2);
    b.Child(x8 ? "NIC-CX8-800G" : "NIC-CX7-400G", 4);
    b.Child("DPU-BF3", 1);
    b.Child("NVME-3.84T", 2);
    b.Child("COLD-PLATE-TRAY", 1);
    b.Child("CHASSIS-1U-CMP", 1);
    b.Child("QD-PAIR", 4);
  }
  b.Begin("TRAY-NVSW", "NVLink switch tray", Kind::kAssembly, "", kSwitchTraySteps);
  b.Child("NVSWITCH-G4", 2);
  b.Child("PCB-SW-TRAY", 1);
  b.Child("CHASSIS-1U-SW", 1);
  b.Child("COLD-PLATE-SW", 1);
  b.Child("QD-PAIR", 2);
}

void AddServer(CatalogueBuilder& b, const FamilySpec& fam, int config, std::string code) {
  int c = config;
  const int cpu = c % 2;
  c /= 2;
  const int dimm = c % 3;
  c /= 3;
  const int dimm_less = c % 2;
  c /= 2;
  const int nic_alt = c % 2;
  c /= 2;
  const int nvme_big = c % 2;
  c /= 2;
  const int nvme_less = c % 2;
  c /= 2;
  const int dpu_alt = c % 2;

  const bool inference = fam.shape == FamilyShape::kInference;
  constexpr const char* kDimms[3] = {"DIMM-64G", "DIMM-96G", "DIMM-128G"};
  constexpr const char* kDimmSizes[3] = {"64 GB", "96 GB", "128 GB"};
  const int dimm_count = inference ? (dimm_less ? 8 : 16) : (dimm_less ? 16 : 32);
  // Hopper servers trade NIC count, Blackwell servers NIC generation; inference servers use one or two NICs.
  const char* nic = nic_alt && fam.blackwell ? "NIC-CX8-800G" : "NIC-CX7-400G";
  const int nic_count = inference ? (nic_alt ? 1 : 2) : (nic_alt && !fam.blackwell ? 4 : 8);
  const int nvme_count = inference ? (nvme_less ? 2 : 4) : (nvme_less ? 4 : 8);
  const int dpus = inference ? dpu_alt : 1 + dpu_alt;

  std::string description = fam.label;
  description += cpu ? ", 2x EPYC 9654, " : ", 2x Xeon 8580, ";
  description += std::to_string(dimm_count) + "x " + kDimmSizes[dimm] + " DDR5, ";
  description +=
      std::to_string(nic_count) + (std::string_view(nic) == "NIC-CX8-800G" ? "x CX8 800G, " : "x CX7 400G, ");
  description += std::to_string(nvme_count) + (nvme_big ? "x 7.68 TB" : "x 3.84 TB") + " NVMe";
  if (dpus > 0) description += ", " + std::to_string(dpus) + "x BF3";

  b.Begin(std::move(code), std::move(description), Kind::kProduct, fam.export_class,
          fam.shape == FamilyShape::kInference      ? std::span<const StepTemplate>(kInferenceSteps)
          : fam.shape == FamilyShape::kLiquidServer ? std::span<const StepTemplate>(kLiquidServerSteps)
                                                    : std::span<const StepTemplate>(kAirServerSteps));
  if (inference) {
    b.Child(fam.board, fam.gpu_count);
    if (fam.gpu_count == 4) b.Child("NVL-BRIDGE", 2);
  } else {
    b.Child(fam.board, 1);
  }
  b.Child(cpu ? "BRD-MB-EPYC" : "BRD-MB-XEON", 1);
  b.Child(kDimms[dimm], dimm_count);
  b.Child(nic, nic_count);
  b.Child("DPU-BF3", dpus);
  b.Child(nvme_big ? "NVME-7.68T" : "NVME-3.84T", nvme_count);
  b.Child("BOOT-M2-960G", 2);
  b.Child("CABLE-KIT-SRV", 1);
  b.Child("RAIL-KIT", 1);
  switch (fam.shape) {
    case FamilyShape::kAirServer:
      b.Child("PSU-3300W", fam.blackwell ? 8 : 6);
      b.Child("FAN-80MM", fam.blackwell ? 12 : 10);
      b.Child("HEATSINK-HGX", 1);
      b.Child(fam.blackwell ? "CHASSIS-10U" : "CHASSIS-8U", 1);
      break;
    case FamilyShape::kLiquidServer:
      b.Child("PSU-3300W", 6);
      b.Child("FAN-80MM", 4);
      b.Child("COLD-PLATE-HGX", 1);
      b.Child("QD-PAIR", 2);
      b.Child("CHASSIS-4U-LC", 1);
      break;
    case FamilyShape::kInference:
      b.Child("PSU-2700W", fam.gpu_count == 8 ? 4 : 2);
      b.Child("FAN-80MM", fam.gpu_count == 8 ? 8 : 6);
      b.Child(fam.gpu_count == 8 ? "CHASSIS-4U-INF" : "CHASSIS-2U-INF", 1);
      break;
    case FamilyShape::kRack:
      break;
  }
}

void AddRack(CatalogueBuilder& b, const FamilySpec& fam, int config, std::string code) {
  int c = config;
  const int x8 = c % 2;
  c /= 2;
  const int shelves = c % 2 ? 6 : 8;
  c /= 2;
  const int bbu = c % 3;
  c /= 3;
  const int tor = c % 3;

  std::string description = fam.label;
  description += x8 ? ", 18 compute trays (CX8 800G)" : ", 18 compute trays (CX7 400G)";
  description += ", 9 switch trays, " + std::to_string(shelves) + " power shelves";
  if (bbu > 0) description += bbu == 1 ? ", 1 BBU shelf" : ", " + std::to_string(bbu) + " BBU shelves";
  if (tor > 0) description += tor == 1 ? ", 1 ToR switch" : ", " + std::to_string(tor) + " ToR switches";

  b.Begin(std::move(code), std::move(description), Kind::kProduct, fam.export_class, kRackSteps);
  b.Child(x8 ? "TRAY-GB200-CMP-X8" : "TRAY-GB200-CMP", 18);
  b.Child("TRAY-NVSW", 9);
  b.Child("PWR-SHELF-33KW", shelves);
  b.Child("BBU-SHELF", bbu);
  b.Child("BUSBAR-48V", 1);
  b.Child("MANIFOLD-RACK", 1);
  b.Child("CABLE-NVL-CART", 4);
  b.Child("RACK-FRAME-MGX", 1);
  b.Child("SW-MGMT-1G", 1);
  b.Child("SW-TOR-400G", tor);
}

}  // namespace

uint32_t FamilySiteWeight(int family, int site) { return kFamilySites[family][site]; }

void BuildCatalogue(Factory& f) {
  for (int s = 0; s < f.params.site_count; ++s) f.sites.push_back(kSites[s]);

  CatalogueBuilder b(f);
  for (const ComponentSpec& spec : kComponents) {
    const int32_t index = b.Begin(spec.code, spec.description, Kind::kComponent, spec.export_class, {});
    ItemDef& item = f.items[static_cast<size_t>(index)];
    item.unit_cost = spec.cost_cents * (kDecimalScale / 100);
    item.lead_time_days = spec.lead_time_days;
    item.alloc = spec.alloc;
  }
  AddAssemblies(b);

  // Variant 0 is the standard configuration; the others are distinct configurations drawn per seed.
  Rng rng(f.seed, 0xCA7A);
  for (int family = 0; family < kFamilyCount; ++family) {
    const FamilySpec& fam = kFamilies[family];
    const bool rack = fam.shape == FamilyShape::kRack;
    const int space = rack ? kRackConfigs : kServerConfigs;
    std::vector<int> configs(static_cast<size_t>(space));
    for (int i = 0; i < space; ++i) configs[static_cast<size_t>(i)] = i;
    for (int i = space - 1; i > 1; --i) {  // Fisher-Yates over configs[1..], keeping the standard one first
      const auto j = static_cast<size_t>(1 + rng.Below(static_cast<uint64_t>(i)));
      std::swap(configs[static_cast<size_t>(i)], configs[j]);
    }
    const int variants = std::min(f.params.variants, space);
    for (int v = 0; v < variants; ++v) {
      std::string code = fam.code;
      if (v > 0) {
        code += "-C";
        AppendPadded(code, static_cast<uint64_t>(v + 1), 2);
      }
      if (rack) {
        AddRack(b, fam, configs[static_cast<size_t>(v)], std::move(code));
      } else {
        AddServer(b, fam, configs[static_cast<size_t>(v)], std::move(code));
      }
      f.items.back().family = family;
      f.family_products[family].push_back(static_cast<int32_t>(f.items.size() - 1));
    }
  }

  // Sites: a product is built where its family is; an assembly wherever a parent is built; a component is
  // consumed wherever a parent is built. Parents come after their children, so walk backwards.
  for (ItemDef& item : f.items) {
    if (item.kind != Kind::kProduct) continue;
    for (int s = 0; s < f.params.site_count; ++s) {
      if (kFamilySites[item.family][s] > 0) item.site_mask |= 1u << s;
    }
  }
  for (size_t i = f.items.size(); i-- > 0;) {
    ItemDef& parent = f.items[i];
    // An assembly no configuration of this scale uses is still buildable (at the first site), so that it
    // is never an unobtainable BOM parent.
    if (parent.kind != Kind::kComponent && parent.site_mask == 0) parent.site_mask = 1;
    for (uint32_t r = parent.bom_begin; r < parent.bom_end; ++r) {
      f.items[static_cast<size_t>(f.bom[r].component)].site_mask |= parent.site_mask;
    }
  }
  // Cost roll-up, children first.
  for (ItemDef& item : f.items) {
    if (item.kind == Kind::kComponent) continue;
    Money cost = 0;
    for (uint32_t r = item.bom_begin; r < item.bom_end; ++r) {
      cost += f.items[static_cast<size_t>(f.bom[r].component)].unit_cost * f.bom[r].qty_per;
    }
    item.unit_cost = cost;
  }
}

void AppendPadded(std::string& out, uint64_t value, int width) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i) out += '0';
  while (n > 0) out += digits[--n];
}

}  // namespace takt::gen
