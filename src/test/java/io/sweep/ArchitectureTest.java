package io.sweep;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The layering of DESIGN.md §3, checked on the compiled classes: a fully qualified name, a
 * lambda's parameter type or a constant's owner counts as much as an import does.
 *
 * <p>From the top: the composition root ({@code App}, {@code Config}, {@code Main}); the
 * surfaces ({@code api}, and beside it {@code cli} and {@code demo}); the features that change
 * records ({@code jobs}, {@code massupdate}, {@code records}, {@code hooks}, {@code rules}); the
 * domain they share ({@code crm}, {@code auth}); and the base everything may use ({@code db},
 * {@code errors}, {@code json}, and {@code audit}, which the domain records into as much as the
 * surfaces do). Within a layer the cycle rule keeps the order acyclic.
 */
@AnalyzeClasses(packages = "io.sweep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule top_level_packages_do_not_depend_on_each_other_in_a_cycle =
            slices().matching("io.sweep.(*)..").should().beFreeOfCycles();

    /** Sub-packages too ({@code api.zoho} and {@code api.admin}, {@code crm} and {@code crm.criteria}). */
    @ArchTest
    static final ArchRule no_package_depends_on_another_in_a_cycle =
            slices().matching("io.sweep.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule each_layer_depends_only_on_the_layers_below_it = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Composition root").definedBy("io.sweep")
            .layer("Api").definedBy("io.sweep.api..")
            .layer("Command line client").definedBy("io.sweep.cli..")
            .layer("Demo data").definedBy("io.sweep.demo..")
            .layer("Features").definedBy(
                    "io.sweep.jobs..", "io.sweep.massupdate..", "io.sweep.records..", "io.sweep.hooks..", "io.sweep.rules..")
            .layer("Domain").definedBy("io.sweep.crm..", "io.sweep.auth..")
            .layer("Base").definedBy("io.sweep.db..", "io.sweep.errors..", "io.sweep.json..", "io.sweep.audit..")
            .whereLayer("Composition root").mayNotBeAccessedByAnyLayer()
            .whereLayer("Api").mayOnlyBeAccessedByLayers("Composition root")
            .whereLayer("Command line client").mayOnlyBeAccessedByLayers("Composition root")
            .whereLayer("Demo data").mayOnlyBeAccessedByLayers("Composition root")
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Composition root", "Api")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Composition root", "Api", "Demo data", "Features")
            .whereLayer("Base").mayOnlyBeAccessedByLayers(
                    "Composition root", "Api", "Command line client", "Demo data", "Features", "Domain");

    /** Said on its own as well, because it is the rule a new domain class is most likely to break. */
    @ArchTest
    static final ArchRule domain_packages_do_not_depend_on_the_api_package = noClasses()
            .that().resideOutsideOfPackages("io.sweep", "io.sweep.api..")
            .should().dependOnClassesThat().resideInAPackage("io.sweep.api..");

    @ArchTest
    static final ArchRule only_the_api_package_and_App_use_the_http_server = noClasses()
            .that().resideOutsideOfPackage("io.sweep.api..")
            .and(not(declaredIn("io.sweep.App")))
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..");

    /** The meters are Micrometer's everywhere; which format they are scraped in is the composition root's and the route's business. */
    @ArchTest
    static final ArchRule only_the_composition_root_and_the_api_package_see_the_prometheus_registry = noClasses()
            .that().resideOutsideOfPackages("io.sweep", "io.sweep.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer.prometheusmetrics..", "io.prometheus..");

    @ArchTest
    static final ArchRule only_the_rules_package_uses_graalvm = noClasses()
            .that().resideOutsideOfPackage("io.sweep.rules..")
            .should().dependOnClassesThat().resideInAPackage("org.graalvm..");

    /**
     * Classes that read rows through a Jdbi row mapper (the {@code ResultSet} is in the
     * lambda's signature) without being a repository. Their SQL belongs in a repository of its
     * table; until it moves there they are named here, so the list can only shrink.
     */
    private static final Set<String> READ_ROWS_OUTSIDE_A_REPOSITORY = Set.of(
            "io.sweep.auth.Tokens",
            "io.sweep.crm.Blueprints",
            "io.sweep.crm.Metadata",
            "io.sweep.hooks.WebhookSecrets",
            "io.sweep.jobs.JobService",
            "io.sweep.records.References");

    @ArchTest
    static final ArchRule only_the_db_package_and_repositories_use_java_sql = noClasses()
            .that().resideOutsideOfPackage("io.sweep.db..")
            .and(not(repositories()))
            .and(not(describe("the classes named in READ_ROWS_OUTSIDE_A_REPOSITORY",
                    c -> READ_ROWS_OUTSIDE_A_REPOSITORY.contains(topLevelName(c)))))
            .should().dependOnClassesThat().resideInAPackage("java.sql..");

    private static DescribedPredicate<JavaClass> repositories() {
        return describe("repositories (classes named *Repository and their nested classes)",
                c -> topLevelName(c).endsWith("Repository"));
    }

    private static DescribedPredicate<JavaClass> declaredIn(String topLevelClass) {
        return describe(topLevelClass + " and its nested classes", c -> topLevelName(c).equals(topLevelClass));
    }

    private static DescribedPredicate<JavaClass> not(DescribedPredicate<JavaClass> predicate) {
        return DescribedPredicate.not(predicate);
    }

    /** Nested and anonymous classes ({@code Outer$1}) belong to the class they are written in. */
    private static String topLevelName(JavaClass c) {
        int nested = c.getName().indexOf('$');
        return nested < 0 ? c.getName() : c.getName().substring(0, nested);
    }
}
