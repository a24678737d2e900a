package corpus

import (
	"fmt"
	"strings"

	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/slug"
)

// person is a generated historical actor.
type person struct {
	id, name, sortName, surname string
	aliases, spellings          []string
	role, country, lang         string
	docs                        []string // a few documents they sent, for the biography
}

// nationality is a pool of names and roles for one country of the schema.
type nationality struct {
	country, lang string
	count         int
	surnames      []string
	given         []string // syllables of Chinese names are joined by '-'
	roles         []string
	surnameFirst  bool
}

var nationalities = []nationality{
	{country: "soviet", lang: "ru", count: 22,
		surnames: []string{"Orlov", "Sokolov", "Volkov", "Zaitsev", "Belov", "Kozlov", "Lebedev", "Novikov", "Morozov",
			"Pavlov", "Semenov", "Golubev", "Vinogradov", "Bogdanov", "Vorobev", "Fedorov", "Belyaev", "Tarasov",
			"Komarov", "Kiselev", "Makarov", "Andreev", "Kovalenko", "Ilyin", "Gusev", "Titov", "Kuzmin", "Baranov"},
		given: []string{"Ivan", "Petr", "Nikolai", "Sergei", "Andrei", "Mikhail", "Aleksei", "Dmitrii", "Vasilii", "Grigorii", "Fedor", "Pavel"},
		roles: []string{"Soviet ambassador in Pyongyang", "deputy foreign minister of the USSR", "chief Soviet military adviser in Korea",
			"member of the Soviet Politburo", "head of the Far Eastern department of the Foreign Ministry",
			"Soviet chargé d'affaires in Pyongyang", "Stalin's representative in China", "chief of the Soviet General Staff"}},
	{country: "chinese", lang: "zh", count: 14, surnameFirst: true,
		surnames: []string{"Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "Gao", "Lin", "Luo"},
		given:    []string{"Jian-guo", "De-huai", "Xiao-ping", "Shao-wen", "Zhi-ming", "Guang-da", "Yun-shan", "Hong-wei", "Li-xin", "Qi-ming", "Wen-bin", "Zhen-hua"},
		roles: []string{"member of the Politburo of the Chinese Communist Party", "Chinese ambassador in Moscow", "commander in the People's Liberation Army",
			"Mao Zedong's interpreter", "premier and foreign minister's deputy", "head of the CCP's liaison department"}},
	{country: "korean", lang: "ko", count: 12, surnameFirst: true,
		surnames: []string{"Pak", "Choe", "Yi", "Kang", "Chong", "Cho", "Yun", "Chang", "Im", "Han", "Sin", "Kwon", "Ho", "Nam"},
		given:    []string{"Chang-ok", "Il-u", "Hon-yong", "Song-chol", "Tu-bong", "Chun-sik", "Myong-hui", "Kyu-sam", "Sang-jo", "Tong-gon"},
		roles: []string{"North Korean foreign minister", "chief of staff of the Korean People's Army", "secretary of the Korean Workers' Party",
			"South Korean defence minister", "North Korean envoy in Beijing", "Kim Il Sung's personal secretary"}},
	{country: "american", lang: "en", count: 8,
		surnames: []string{"Miller", "Davis", "Clark", "Lewis", "Walker", "Hall", "Allen", "Young", "Wright", "Turner"},
		given:    []string{"John", "Robert", "William", "James", "George", "Charles", "Thomas", "Edward"},
		roles:    []string{"U.S. secretary of state", "U.S. ambassador in Seoul", "commander of U.S. forces in the Far East", "State Department official"}},
	{country: "other", lang: "en", count: 4,
		surnames: []string{"Pembroke", "Hughes", "Baxter", "Ainsley", "Forsythe"},
		given:    []string{"Arthur", "Henry", "Philip", "Hugh"},
		roles:    []string{"British chargé d'affaires in Beijing", "UN commissioner for Korea", "Indian delegate to the UN commission"}},
}

// coverNames are the pseudonyms some persons use in ciphered traffic.
var coverNames = []string{"Filin", "Berkut", "Yastreb", "Kondor", "Sapsan", "Krechet", "Grach", "Drozd",
	"Chibis", "Skvorets", "Sokolik", "Strizh", "Chaika", "Lun", "Kobchik"}

// claim reserves a name for person id; it reports false if the name is
// already another person's.
func (g *gen) claim(name, id string) bool {
	f := site.Fold(name)
	if other, ok := g.used[f]; ok && other != id {
		return false
	}
	g.used[f] = id
	return true
}

func (g *gen) makePersons() {
	aliases := 0
	for _, nat := range nationalities {
		surnames := append([]string(nil), nat.surnames...)
		g.r.Shuffle(len(surnames), func(i, j int) { surnames[i], surnames[j] = surnames[j], surnames[i] })
		for i := range nat.count {
			sur, given := surnames[i], pick(g, nat.given)
			p := &person{surname: sur, country: nat.country, lang: nat.lang, role: pick(g, nat.roles)}
			if nat.surnameFirst {
				p.name = sur + " " + strings.ReplaceAll(given, "-", "")
				if nat.country == "korean" {
					p.name = sur + " " + given
				}
				p.sortName = p.name
			} else {
				p.name = given + " " + sur
				p.sortName = sur + ", " + given
			}
			p.id = slug.Make(p.name)
			g.claim(p.name, p.id)
			if g.chance(0.25) && aliases < len(coverNames) && g.claim(coverNames[aliases], p.id) {
				p.aliases = append(p.aliases, coverNames[aliases])
				aliases++
			}
			if g.chance(0.35) {
				for _, sp := range variants(nat, given, sur) {
					if g.claim(sp, p.id) {
						p.spellings = append(p.spellings, sp)
					}
				}
			}
			g.persons = append(g.persons, p)
		}
	}
}

// variants are other spellings a source might print for a name.
func variants(nat nationality, given, sur string) []string {
	switch nat.country {
	case "chinese":
		return []string{sur + " " + given}
	case "korean":
		return []string{sur + " " + strings.ReplaceAll(given, "-", "")}
	case "soviet":
		v := strings.NewReplacer("ii", "y", "ev", "iev", "y", "i").Replace(sur)
		if v == sur {
			return []string{given[:1] + ". " + sur}
		}
		return []string{v, given[:1] + ". " + sur}
	}
	return []string{given[:1] + ". " + sur}
}

// somePerson picks a person, some far more often than others, as in a
// real edition where a few correspondents dominate.
func (g *gen) somePerson() *person {
	u := g.r.Float64()
	return g.persons[int(u*u*float64(len(g.persons)))]
}

func (g *gen) writePersons() {
	for _, p := range g.persons {
		var b strings.Builder
		b.WriteString("---\n")
		fmt.Fprintf(&b, "name: %s\nsort_name: %s\n", q(p.name), q(p.sortName))
		if len(p.aliases) > 0 {
			fmt.Fprintf(&b, "aliases: [%s]\n", quoteAll(p.aliases))
		}
		if len(p.spellings) > 0 {
			fmt.Fprintf(&b, "spellings: [%s]\n", quoteAll(p.spellings))
		}
		fmt.Fprintf(&b, "role: %s\ncountry: %s\nlang: %s\n---\n", q(p.role), p.country, p.lang)
		words := g.intn(60, 150)
		var links []string
		for _, id := range p.docs {
			links = append(links, "[["+"doc:"+id+"]]")
		}
		b.WriteString(g.paragraph(words, links))
		b.WriteString("\n")
		g.put("persons/"+p.id+".md", b.String())
	}
}

func quoteAll(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = q(x)
	}
	return strings.Join(out, ", ")
}
