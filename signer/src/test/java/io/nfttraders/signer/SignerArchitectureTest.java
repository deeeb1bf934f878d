package io.nfttraders.signer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the signer free of anything that could turn it into a network or database service by accident. */
@AnalyzeClasses(packages = "io.nfttraders.signer", importOptions = ImportOption.DoNotIncludeTests.class)
class SignerArchitectureTest {

    @ArchTest
    static final ArchRule signerHasNoWebDatabaseOrHttpDependencies = noClasses()
            .that().resideInAPackage("io.nfttraders.signer..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "javax.servlet..", "java.sql..", "javax.sql..",
                    "java.net.http..", "okhttp3..", "org.web3j.protocol..");

    @ArchTest
    static final ArchRule onlyTheApiPackageUsesTheImplementation = classes()
            .that().resideInAPackage("io.nfttraders.signer.internal..")
            .should().onlyBeAccessed().byAnyPackage("io.nfttraders.signer", "io.nfttraders.signer.internal..");

    @ArchTest
    static final ArchRule apiDoesNotExposeWeb3jTypes = noClasses()
            .that().resideInAPackage("io.nfttraders.signer")
            .should().dependOnClassesThat().resideInAPackage("org.web3j..");
}
