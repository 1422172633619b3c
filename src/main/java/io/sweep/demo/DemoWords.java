package io.sweep.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the demo data is made of. Picklist values come from the metadata; only the picklists
 * whose spread matters (lead status, account type, deal stage) are weighted here.
 */
final class DemoWords {
    private DemoWords() {}

    /**
     * A city the demo sells in. {@code region} is the territory its records belong to (USA,
     * Americas, EMEA or Global); {@code language} the one most people there speak.
     */
    record Place(String city, String state, String country, String zip, String tld, String phoneStyle,
                 String region, String language) {}

    static final List<Place> PLACES = List.of(
            new Place("New York", "NY", "USA", "10001", "com", "us", "USA", "English"),
            new Place("San Francisco", "CA", "USA", "94105", "com", "us", "USA", "English"),
            new Place("Austin", "TX", "USA", "78701", "com", "us", "USA", "English"),
            new Place("Chicago", "IL", "USA", "60601", "com", "us", "USA", "English"),
            new Place("Boston", "MA", "USA", "02108", "com", "us", "USA", "English"),
            new Place("Seattle", "WA", "USA", "98101", "com", "us", "USA", "English"),
            new Place("Berlin", "Berlin", "Germany", "10115", "de", "de", "EMEA", "German"),
            new Place("München", "Bavaria", "Germany", "80331", "de", "de", "EMEA", "German"),
            new Place("Hamburg", "Hamburg", "Germany", "20095", "de", "de", "EMEA", "German"),
            new Place("Frankfurt am Main", "Hesse", "Germany", "60311", "de", "de", "EMEA", "German"),
            new Place("Köln", "North Rhine-Westphalia", "Germany", "50667", "de", "de", "EMEA", "German"),
            new Place("Paris", "Île-de-France", "France", "75001", "fr", "fr", "EMEA", "French"),
            new Place("Lyon", "Auvergne-Rhône-Alpes", "France", "69001", "fr", "fr", "EMEA", "French"),
            new Place("Marseille", "Provence-Alpes-Côte d'Azur", "France", "13001", "fr", "fr", "EMEA", "French"),
            new Place("Toulouse", "Occitanie", "France", "31000", "fr", "fr", "EMEA", "French"),
            new Place("London", "England", "United Kingdom", "EC1A 1BB", "co.uk", "uk", "EMEA", "English"),
            new Place("Manchester", "England", "United Kingdom", "M1 1AE", "co.uk", "uk", "EMEA", "English"),
            new Place("Edinburgh", "Scotland", "United Kingdom", "EH1 1YZ", "co.uk", "uk", "EMEA", "English"),
            new Place("Madrid", "Community of Madrid", "Spain", "28001", "es", "intl", "EMEA", "Spanish"),
            new Place("Barcelona", "Catalonia", "Spain", "08001", "es", "intl", "EMEA", "Spanish"),
            new Place("Milano", "Lombardy", "Italy", "20121", "it", "intl", "EMEA", "Italian"),
            new Place("Amsterdam", "North Holland", "Netherlands", "1012 JS", "nl", "intl", "EMEA", "English"),
            new Place("Dubai", "Dubai", "United Arab Emirates", "00000", "ae", "intl", "EMEA", "English"),
            new Place("Johannesburg", "Gauteng", "South Africa", "2001", "co.za", "intl", "EMEA", "English"),
            new Place("Toronto", "ON", "Canada", "M5H 2N2", "ca", "us", "Americas", "English"),
            new Place("Vancouver", "BC", "Canada", "V6B 1A1", "ca", "us", "Americas", "English"),
            new Place("Ciudad de México", "CDMX", "Mexico", "06000", "com.mx", "intl", "Americas", "Spanish"),
            new Place("São Paulo", "SP", "Brazil", "01000-000", "com.br", "intl", "Americas", "Portuguese"),
            new Place("Bengaluru", "Karnataka", "India", "560001", "in", "intl", "Global", "English"),
            new Place("Tokyo", "Tokyo", "Japan", "100-0001", "jp", "intl", "Global", "Japanese"),
            new Place("Shanghai", "Shanghai", "China", "200000", "cn", "intl", "Global", "Chinese"),
            new Place("Sydney", "NSW", "Australia", "2000", "com.au", "intl", "Global", "English"));
    // Weights of PLACES: the demo company sells mostly in the USA and Germany.
    static final int[] PLACE_WEIGHTS = {
        8, 7, 5, 5, 4, 4, 9, 7, 5, 4, 4, 6, 3, 2, 2, 5, 2, 2, 2, 2, 2, 2, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1};

    static final List<String> FIRST_NAMES = List.of(
            "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
            "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Lukas", "Anna", "Leon", "Lena", "Felix", "Marie", "Jonas", "Sophie", "Maximilian", "Hannah",
            "Hugo", "Camille", "Louis", "Chloé", "Gabriel", "Léa", "Arthur", "Manon", "Oliver", "Amelia",
            "Harry", "Isla", "George", "Emily", "Noah", "Olivia", "Liam", "Emma", "Mateo", "Lucía",
            "Alessandro", "Giulia", "Daan", "Sanne", "Aarav", "Priya", "Hiroshi", "Yuki", "Wei", "Mei",
            "Lucas", "Beatriz", "Björn", "Zoë", "Renée", "Jürgen", "François", "Siobhan", "Ana", "Raj");
    static final List<String> LAST_NAMES = List.of(
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Taylor", "Wilson", "Evans", "Walker", "Wright", "Thompson", "White", "Hughes", "Edwards", "Green",
            "O'Brien", "Murphy", "Kelly", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "de Jong", "Jansen",
            "Visser", "Patel", "Sharma", "Singh", "Tanaka", "Suzuki", "Sato", "Wang", "Li", "Zhang",
            "Silva", "Santos", "Oliveira", "Nguyen", "Kim", "Lee", "Andersson", "Kowalski", "Nowak",
            "García-López", "van den Berg", "Øster", "Lefèvre", "Großmann");
    static final List<String> COMPANY_PREFIXES = List.of(
            "Alpine", "Blue River", "Bright", "Cedar", "Crescent", "Delta", "Evergreen", "Falcon", "Granite",
            "Harbor", "Horizon", "Ironwood", "Juniper", "Keystone", "Lakeside", "Lumen", "Maple", "Meridian",
            "Nimbus", "North Star", "Oakridge", "Orbit", "Pacific", "Peak", "Pinnacle", "Quantum", "Redwood",
            "Riverside", "Sapphire", "Silverline", "Summit", "Sunrise", "Titan", "Trident", "Union", "Vertex",
            "Vista", "Westfield", "Zenith", "Zylker", "Amber", "Beacon", "Cobalt", "Driftwood", "Ember",
            "Foxglove", "Golden Gate", "Highland", "Indigo", "Jade", "Kestrel", "Lighthouse", "Monarch",
            "Northwind", "Oasis", "Polaris", "Quarry", "Rosewood", "Starling", "Tidewater");
    static final List<String> COMPANY_CORES = List.of(
            "Analytics", "Logistics", "Systems", "Labs", "Foods", "Motors", "Health", "Energy", "Software",
            "Robotics", "Media", "Textiles", "Capital", "Pharma", "Networks", "Designs", "Construction",
            "Solutions", "Dynamics", "Biotech", "Consulting", "Electronics", "Freight", "Insurance",
            "Manufacturing", "Outfitters", "Partners", "Retail", "Semiconductors", "Telecom");
    static final List<String> DESIGNATIONS = List.of(
            "Chief Executive Officer", "Chief Technology Officer", "Chief Financial Officer", "VP Sales", "Head of IT", "Purchasing Manager", "Marketing Director",
            "Office Manager", "Software Engineer", "Operations Manager", "Procurement Lead", "Founder",
            "Managing Director", "IT Administrator", "Sales Manager", "Project Manager");
    static final List<String> DEPARTMENTS = List.of(
            "Sales", "Marketing", "IT", "Finance", "Operations", "Purchasing", "Management", "Support");
    /** Street names by country ("other" for the rest). */
    static final Map<String, List<String>> STREETS = Map.of(
            "Germany", List.of("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Lindenallee"),
            "France", List.of("rue de la Paix", "avenue Victor Hugo", "boulevard Voltaire", "rue du Moulin"),
            "Spain", List.of("Calle Mayor", "Avenida de la Constitución", "Calle del Sol"),
            "Italy", List.of("Via Roma", "Corso Garibaldi", "Via Dante"),
            "Netherlands", List.of("Keizersgracht", "Kerkstraat", "Dorpsstraat"),
            "Brazil", List.of("Rua Augusta", "Avenida Paulista"),
            "other", List.of("Main Street", "Oak Avenue", "Market Street", "High Street", "Station Road",
                    "King Street", "Park Lane", "Elm Street"));
    /** Countries where the house number follows the street name. */
    static final Set<String> NUMBER_AFTER_STREET = Set.of("Germany", "Spain", "Italy", "Netherlands", "Brazil");
    static final List<String> DEAL_TOPICS = List.of(
            "Annual Renewal", "New Licenses", "Expansion", "Pilot", "Support Contract", "Hardware Refresh",
            "Training Package", "Consulting Engagement", "Cloud Migration", "Upgrade");
    static final List<String> NEXT_STEPS = List.of(
            "Send proposal", "Schedule demo", "Follow-up call", "Negotiate terms", "Get legal approval",
            "Meet decision makers", "Send contract");
    static final List<String> LEAD_TAGS = List.of("VIP", "Newsletter", "Trade Show 2025", "Partner");

    static final List<String> LEAD_STATUSES = List.of(
            "Not Contacted", "Attempted to Contact", "Contacted", "Contact in Future", "Pre-Qualified",
            "Not Qualified", "Junk Lead", "Lost Lead", "Cold");
    static final int[] LEAD_STATUS_WEIGHTS = {24, 14, 20, 9, 9, 6, 5, 8, 5};
    static final List<String> ACCOUNT_TYPES = List.of("Analyst", "Competitor", "Customer", "Distributor",
            "Integrator", "Investor", "Partner", "Press", "Prospect", "Reseller", "Other");
    static final int[] ACCOUNT_TYPE_WEIGHTS = {1, 2, 30, 4, 3, 1, 6, 1, 20, 5, 2};
    static final List<String> STAGES = List.of("Qualification", "Needs Analysis", "Value Proposition",
            "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won",
            "Closed Lost");
    static final int[] STAGE_PROBABILITY = {10, 20, 40, 60, 70, 75, 90, 100, 0};
    static final int[] STAGE_WEIGHTS = {14, 12, 10, 8, 6, 10, 8, 18, 14};
    static final List<String> PRODUCT_ADJECTIVES = List.of("Cloud", "Pro", "Edge", "Smart", "Secure",
            "Rapid", "Ultra", "Core", "Prime", "Flex");
    static final List<String> PRODUCT_NOUNS = List.of("Router", "Server", "Backup Suite", "CRM Connector",
            "Firewall", "Laptop Dock", "Analytics Pack", "Support Plan", "Training Voucher", "Switch",
            "Storage Array", "Headset");
    static final List<String> PROJECT_TOPICS = List.of("CRM Rollout", "Data Migration", "ERP Integration",
            "Sales Training", "Support Onboarding", "Website Relaunch", "Warehouse Automation");

    static final List<Integer> GERMAN_AREA_CODES = List.of(30, 89, 40, 69, 221);
}
