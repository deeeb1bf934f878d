package io.nfttraders;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Capabilities are modules: only their base packages are public, and they form no cycles. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(NftTradersApplication.class);

  @Test
  void capabilitiesHaveNoCyclesAndUseOnlyEachOthersPublicSurface() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
