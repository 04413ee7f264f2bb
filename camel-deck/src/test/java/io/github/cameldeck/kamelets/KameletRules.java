package io.github.cameldeck.kamelets;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

/**
 * The rules the Apache Camel Kamelet catalog (apache/camel-kamelets) enforces on its Kamelets, written here from what
 * that repository states: its validator ({@code script/validator/validator.go}, run on every Kamelet before a
 * release), its README ("Guidelines for contributions"), and its Java catalog's test ({@code KameletsCatalogTest}:
 * every file of {@code kamelets/} loads). Each check returns the problems it finds as sentences; none is the
 * catalog's code. One difference, deliberate: the catalog wants {@code camel.apache.org/provider} to be "Apache
 * Software Foundation" because its Kamelets are the ASF's; ours name their provider, {@link #provider}.
 */
final class KameletRules {

    static final Set<String> TYPES = Set.of("source", "sink", "action");
    static final Set<String> SCHEMA_TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");
    static final String CREDENTIALS = "urn:camel:group:credentials";
    static final String DEPRECATED_DESCRIPTOR = "urn:alm:descriptor:com.tectonic.ui";
    /** How the validator finds the properties a template uses: {{name}}, {{?name}}, {{name:default}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9-._]+)(?::[^}]*)?}}");
    /** Short words a title may keep in lower case (the validator skips English stop words). */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of",
            "on", "or", "per", "the", "to", "with");
    /** The support levels the catalog's Kamelets carry. */
    static final Set<String> SUPPORT_LEVELS = Set.of("Stable", "Preview", "Experimental");

    private final String provider;

    KameletRules(String provider) {
        this.provider = provider;
    }

    /** Every rule on every file, and the rules across files. */
    List<String> check(List<KameletFile> kamelets) {
        List<String> problems = new ArrayList<>();
        for (KameletFile kamelet : kamelets) {
            problems.addAll(check(kamelet));
        }
        problems.addAll(uniqueTitlesAndDescriptions(kamelets));
        problems.addAll(oneCatalogVersion(kamelets));
        return problems;
    }

    List<String> check(KameletFile kamelet) {
        List<String> problems = new ArrayList<>();
        problems.addAll(resource(kamelet));
        problems.addAll(fileName(kamelet));
        problems.addAll(type(kamelet));
        problems.addAll(annotations(kamelet));
        problems.addAll(definition(kamelet));
        problems.addAll(properties(kamelet));
        problems.addAll(descriptors(kamelet));
        problems.addAll(usedParameters(kamelet));
        problems.addAll(templateConvention(kamelet));
        problems.addAll(dependencies(kamelet));
        return problems;
    }

    /** README "General Format": a Kubernetes resource of kind Kamelet; KameletsCatalogTest: the file loads. */
    List<String> resource(KameletFile k) {
        List<String> problems = new ArrayList<>();
        if (!"camel.apache.org/v1".equals(KameletFile.string(k.at("apiVersion")))) {
            problems.add(k.fileName() + ": apiVersion is not camel.apache.org/v1");
        }
        if (!"Kamelet".equals(KameletFile.string(k.at("kind")))) {
            problems.add(k.fileName() + ": kind is not Kamelet");
        }
        if (k.template() == null) {
            problems.add(k.fileName() + ": no spec.template");
        }
        return problems;
    }

    /** validator verifyFileNames; README: the file is {@code <metadata.name>.kamelet.yaml}. */
    List<String> fileName(KameletFile k) {
        if (!k.fileName().equals(k.name() + ".kamelet.yaml")) {
            return List.of(k.fileName() + ": the file name is not " + k.name() + ".kamelet.yaml");
        }
        return List.of();
    }

    /** validator verifyKameletType: the type label is source, sink or action, and the name ends with it. */
    List<String> type(KameletFile k) {
        String type = k.type();
        if (type == null || !TYPES.contains(type)) {
            return List.of(k.fileName() + ": the label camel.apache.org/kamelet.type is " + type
                    + ", not source, sink or action");
        }
        if (k.name() == null || !k.name().endsWith("-" + type)) {
            return List.of(k.fileName() + ": the name " + k.name() + " does not end with -" + type);
        }
        return List.of();
    }

    /**
     * validator verifyAnnotations (icon, catalog version, provider); README: the icon is embedded as a data:image URL,
     * never a link, svg+xml;base64 where possible, and related Kamelets share a group.
     */
    List<String> annotations(KameletFile k) {
        List<String> problems = new ArrayList<>();
        String icon = k.annotation("camel.apache.org/kamelet.icon");
        if (icon == null || icon.isBlank()) {
            problems.add(k.fileName() + ": no camel.apache.org/kamelet.icon annotation");
        } else if (!icon.startsWith("data:image/svg+xml;base64,")) {
            problems.add(k.fileName() + ": the icon is not an embedded data:image/svg+xml;base64 URL");
        } else if (!isSvg(icon.substring("data:image/svg+xml;base64,".length()))) {
            problems.add(k.fileName() + ": the icon is not a base64 SVG document");
        }
        String version = k.annotation("camel.apache.org/catalog.version");
        if (version == null || version.isBlank()) {
            problems.add(k.fileName() + ": no camel.apache.org/catalog.version annotation");
        }
        if (!provider.equals(k.annotation("camel.apache.org/provider"))) {
            problems.add(k.fileName() + ": the camel.apache.org/provider annotation is "
                    + k.annotation("camel.apache.org/provider") + ", not " + provider);
        }
        String group = k.annotation("camel.apache.org/kamelet.group");
        if (group == null || group.isBlank()) {
            problems.add(k.fileName() + ": no camel.apache.org/kamelet.group annotation");
        }
        String level = k.annotation("camel.apache.org/kamelet.support.level");
        if (level == null || !SUPPORT_LEVELS.contains(level)) {
            problems.add(k.fileName() + ": the camel.apache.org/kamelet.support.level annotation is " + level
                    + ", not one of " + SUPPORT_LEVELS);
        }
        return problems;
    }

    /**
     * validator verifyParameters: a title that ends with the type ("... Source"), a description, type object, required
     * properties listed once and defined.
     */
    List<String> definition(KameletFile k) {
        List<String> problems = new ArrayList<>();
        if (k.at("spec", "definition") == null) {
            return List.of(k.fileName() + ": no spec.definition");
        }
        Map<String, Object> definition = k.definition();
        String title = KameletFile.string(definition.get("title"));
        String type = k.type();
        if (title == null || title.isBlank()) {
            problems.add(k.fileName() + ": no title");
        } else if (type != null && type.length() > 1
                && !title.endsWith(Character.toUpperCase(type.charAt(0)) + type.substring(1))) {
            problems.add(k.fileName() + ": the title " + title + " does not end with the type");
        }
        if (KameletFile.string(definition.get("description")) == null
                || KameletFile.string(definition.get("description")).isBlank()) {
            problems.add(k.fileName() + ": no description");
        }
        if (!"object".equals(definition.get("type"))) {
            problems.add(k.fileName() + ": the definition's type is not object");
        }
        Set<String> seen = new HashSet<>();
        for (String required : k.required()) {
            if (!seen.add(required)) {
                problems.add(k.fileName() + ": the required property " + required + " is listed twice");
            }
            if (!k.properties().containsKey(required)) {
                problems.add(k.fileName() + ": the required property " + required + " is not defined");
            }
        }
        return problems;
    }

    /**
     * validator verifyParameters, per property: a JSON schema type, a title with capitalized words that does not start
     * with an article, a description; README: the property name id is reserved.
     */
    List<String> properties(KameletFile k) {
        List<String> problems = new ArrayList<>();
        k.properties().forEach((name, property) -> {
            String where = k.fileName() + ": the property " + name;
            if ("id".equals(name)) {
                problems.add(where + " uses the reserved name id");
            }
            Object type = property.get("type");
            if (type == null || !SCHEMA_TYPES.contains(type.toString())) {
                problems.add(where + " has no JSON schema type (" + type + ")");
            }
            String title = KameletFile.string(property.get("title"));
            if (title == null || title.isBlank()) {
                problems.add(where + " has no title");
            } else {
                for (String word : title.split(" ")) {
                    if (!word.isEmpty() && !STOP_WORDS.contains(word.toLowerCase())
                            && Character.isLowerCase(word.charAt(0))) {
                        problems.add(where + " has a word that is not capitalized in its title: " + word);
                    }
                }
                if (title.startsWith("The ") || title.startsWith("A ") || title.startsWith("An ")) {
                    problems.add(where + " has a title that starts with an article: " + title);
                }
            }
            String description = KameletFile.string(property.get("description"));
            if (description == null || description.isBlank()) {
                problems.add(where + " has no description");
            }
        });
        return problems;
    }

    /**
     * validator verifyDescriptors: a password has the credentials x-descriptor; no deprecated descriptor; none twice.
     */
    List<String> descriptors(KameletFile k) {
        List<String> problems = new ArrayList<>();
        k.properties().forEach((name, property) -> {
            List<String> descriptors = KameletFile.strings(property.get("x-descriptors"));
            if ("password".equals(property.get("format")) && !descriptors.contains(CREDENTIALS)) {
                problems.add(k.fileName() + ": the password " + name + " misses the x-descriptor " + CREDENTIALS);
            }
            Set<String> seen = new HashSet<>();
            for (String descriptor : descriptors) {
                if (descriptor.startsWith(DEPRECATED_DESCRIPTOR)) {
                    problems.add(k.fileName() + ": the property " + name + " uses the deprecated x-descriptor "
                            + descriptor);
                }
                if (!seen.add(descriptor)) {
                    problems.add(k.fileName() + ": the property " + name + " lists the x-descriptor " + descriptor
                            + " twice");
                }
            }
        });
        return problems;
    }

    /**
     * validator verifyUsedParams: every property the template uses ({{name}}) is defined (or is a bean of the
     * template), and every defined property is used.
     */
    List<String> usedParameters(KameletFile k) {
        List<String> problems = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        collectPlaceholders(k.template(), used);
        Set<String> declared = new LinkedHashSet<>(k.properties().keySet());
        for (Object bean : (List<?>) (k.at("spec", "template", "beans") instanceof List<?> list ? list : List.of())) {
            Object name = KameletFile.map(bean).get("name");
            if (name != null) {
                declared.add(name.toString());
            }
        }
        for (String name : used) {
            if (!declared.contains(name)) {
                problems.add(k.fileName() + ": the template uses " + name + ", which is not defined");
            }
        }
        for (String name : declared) {
            if (!used.contains(name)) {
                problems.add(k.fileName() + ": the property " + name + " is defined but the template never uses it");
            }
        }
        return problems;
    }

    /** validator verifyTemplateConvention; README "Template Code": a source sends to kamelet:sink, a sink reads kamelet:source. */
    List<String> templateConvention(KameletFile k) {
        String template = String.valueOf(k.template());
        if ("source".equals(k.type()) && !template.contains("kamelet:sink")) {
            return List.of(k.fileName() + ": a source must route to kamelet:sink");
        }
        if ("sink".equals(k.type()) && !template.contains("kamelet:source")) {
            return List.of(k.fileName() + ": a sink must consume from kamelet:source");
        }
        if ("action".equals(k.type()) && !"kamelet:source".equals(KameletFile.string(k.at("spec", "template", "from",
                "uri")))) {
            return List.of(k.fileName() + ": an action must consume from kamelet:source");
        }
        return List.of();
    }

    /** validator verifyDependencies; README: camel:name, mvn:group:artifact:version or github:apache/... */
    List<String> dependencies(KameletFile k) {
        List<String> problems = new ArrayList<>();
        for (String dependency : k.dependencies()) {
            if (dependency.startsWith("mvn:")) {
                if (dependency.substring(4).split(":").length != 3) {
                    problems.add(
                            k.fileName() + ": the dependency " + dependency + " is not mvn:group:artifact:version");
                }
            } else if (!dependency.startsWith("camel:") && !dependency.startsWith("github:apache/")) {
                problems.add(k.fileName() + ": the dependency " + dependency
                        + " is not camel:, mvn:group:artifact:version or github:apache/");
            }
        }
        return problems;
    }

    /** validator verifyDuplicates: no two Kamelets share a title or a description. */
    List<String> uniqueTitlesAndDescriptions(List<KameletFile> kamelets) {
        List<String> problems = new ArrayList<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        for (KameletFile k : kamelets) {
            String title = KameletFile.string(k.definition().get("title"));
            String other = titles.putIfAbsent(String.valueOf(title), k.fileName());
            if (other != null) {
                problems.add(k.fileName() + ": the title " + title + " is the title of " + other + " too");
            }
            String description = KameletFile.string(k.definition().get("description"));
            other = descriptions.putIfAbsent(String.valueOf(description), k.fileName());
            if (other != null) {
                problems.add(k.fileName() + ": the description is the description of " + other + " too");
            }
        }
        return problems;
    }

    /** validator verifyCatalogVersion: one camel.apache.org/catalog.version across the catalog. */
    List<String> oneCatalogVersion(List<KameletFile> kamelets) {
        Set<String> versions = new HashSet<>();
        kamelets.forEach(k -> versions.add(String.valueOf(k.annotation("camel.apache.org/catalog.version"))));
        return versions.size() > 1 ? List.of("the catalog versions differ: " + versions) : List.of();
    }

    static void collectPlaceholders(Object node, Set<String> names) {
        if (node instanceof String text) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectPlaceholders(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectPlaceholders(value, names));
        }
    }

    private static boolean isSvg(String base64) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document svg = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
            return "svg".equals(svg.getDocumentElement().getLocalName())
                    && "http://www.w3.org/2000/svg".equals(svg.getDocumentElement().getNamespaceURI());
        } catch (Exception e) {
            return false;
        }
    }
}
