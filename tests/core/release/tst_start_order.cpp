// The start order of systools_make:sort_appls: the .rel order, with each application's
// `applications` and then `included_applications` pulled in front of it.
#include "fixtures.h"
#include "release/resolver.h"
#include "release/start_order.h"

#include <QRandomGenerator>
#include <QTest>

using rs::Finding;
using rs::Findings;
using rs::release::ResolvedApp;

namespace {

const QString CirclePrefix = QStringLiteral("circular dependency among applications: ");

// "a:u1,u2:i1,i2:o1" -> a uses u1, u2, includes i1, i2, and o1 is optional. Application I of the
// list is on line I + 2 of r.rel.
std::vector<ResolvedApp> makeApps(const QStringList &defs)
{
    std::vector<ResolvedApp> apps;
    int line = 2;
    for (const QString &def : defs) {
        const QStringList parts = def.split(QLatin1Char(':'));
        ResolvedApp a;
        a.spec.name = parts.value(0);
        a.spec.vsn = QStringLiteral("1.0");
        auto names = [&](int i) {
            return parts.value(i).isEmpty() ? QStringList() : parts.value(i).split(QLatin1Char(','));
        };
        a.uses = names(1);
        a.includes = names(2);
        a.spec.optionalApplications = names(3);
        a.spec.applications = a.uses;
        a.spec.includedApplications = a.includes;
        a.relLocation = {QStringLiteral("r.rel"), line++, 3};
        apps.push_back(std::move(a));
    }
    return apps;
}

QStringList namesOf(const std::vector<ResolvedApp> &apps)
{
    QStringList out;
    for (const ResolvedApp &a : apps)
        out << a.spec.name;
    return out;
}

// Checks that TEXT ("a → b → a") is a cycle of APPS: it ends where it starts and each arrow is a
// dependency (uses or includes).
bool isCycleOf(const QString &text, const std::vector<ResolvedApp> &apps)
{
    const QStringList steps = text.split(QStringLiteral(" → "));
    if (steps.size() < 2 || steps.first() != steps.last())
        return false;
    for (qsizetype i = 0; i + 1 < steps.size(); ++i) {
        const auto from = std::find_if(apps.begin(), apps.end(),
                                       [&](const ResolvedApp &a) { return a.spec.name == steps[i]; });
        if (from == apps.end() || !(from->uses + from->includes).contains(steps[i + 1]))
            return false;
    }
    return true;
}

} // namespace

class TestStartOrder : public QObject
{
    Q_OBJECT

private slots:
    void orders_data()
    {
        QTest::addColumn<QStringList>("apps");
        QTest::addColumn<QStringList>("order");

        QTest::newRow("empty") << QStringList() << QStringList();
        QTest::newRow("already ordered")
            << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib:kernel"),
                           QStringLiteral("a:kernel,stdlib")}
            << QStringList{QStringLiteral("kernel"), QStringLiteral("stdlib"), QStringLiteral("a")};
        QTest::newRow("independent applications keep the .rel order")
            << QStringList{QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")}
            << QStringList{QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("a dependency is pulled in front")
            << QStringList{QStringLiteral("a:b"), QStringLiteral("b")}
            << QStringList{QStringLiteral("b"), QStringLiteral("a")};
        QTest::newRow("dependencies in the order of `applications`")
            << QStringList{QStringLiteral("a:c,b"), QStringLiteral("b"), QStringLiteral("c")}
            << QStringList{QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")};
        QTest::newRow("applications before included applications")
            << QStringList{QStringLiteral("a:c:b"), QStringLiteral("b"), QStringLiteral("c")}
            << QStringList{QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")};
        QTest::newRow("included application before its includer")
            << QStringList{QStringLiteral("x::y"), QStringLiteral("z"), QStringLiteral("y")}
            << QStringList{QStringLiteral("y"), QStringLiteral("x"), QStringLiteral("z")};
        QTest::newRow("X includes Y, Y uses X") << QStringList{QStringLiteral("x::y"), QStringLiteral("y:x")}
                                                << QStringList{QStringLiteral("y"), QStringLiteral("x")};
        QTest::newRow("nested: Z uses its includer Y")
            << QStringList{QStringLiteral("x::y"), QStringLiteral("y::z"), QStringLiteral("z:y")}
            << QStringList{QStringLiteral("z"), QStringLiteral("y"), QStringLiteral("x")};
        QTest::newRow("a later dependency of a later application")
            << QStringList{QStringLiteral("k"), QStringLiteral("s:k"), QStringLiteral("a:k,s,b"),
                           QStringLiteral("b:k,s")}
            << QStringList{QStringLiteral("k"), QStringLiteral("s"), QStringLiteral("b"),
                           QStringLiteral("a")};
        QTest::newRow("diamond") << QStringList{QStringLiteral("a:b,c"), QStringLiteral("b:d"),
                                                QStringLiteral("c:d"), QStringLiteral("d")}
                                 << QStringList{QStringLiteral("d"), QStringLiteral("b"), QStringLiteral("c"),
                                                QStringLiteral("a")};
        QTest::newRow("an absent optional application")
            << QStringList{QStringLiteral("a:z::z"), QStringLiteral("b")}
            << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("a present optional application")
            << QStringList{QStringLiteral("a:z::z"), QStringLiteral("z")}
            << QStringList{QStringLiteral("z"), QStringLiteral("a")};
        QTest::newRow("a dependency already started")
            << QStringList{QStringLiteral("b"), QStringLiteral("a:b"), QStringLiteral("c:b,a")}
            << QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")};
    }
    void orders()
    {
        QFETCH(QStringList, apps);
        QFETCH(QStringList, order);
        const std::vector<ResolvedApp> input = makeApps(apps);
        Findings findings;
        const auto result = rs::release::startOrder(input, findings);
        QVERIFY2(result, qPrintable(rs::test::describe(findings)));
        QVERIFY2(findings.isEmpty(), qPrintable(rs::test::describe(findings)));
        QCOMPARE(namesOf(*result), order);
        // Whole applications are carried over.
        for (const ResolvedApp &a : *result) {
            const auto in = std::find_if(input.begin(), input.end(),
                                         [&](const ResolvedApp &b) { return b.spec.name == a.spec.name; });
            QCOMPARE(a.relLocation, in->relLocation);
            QCOMPARE(a.uses, in->uses);
        }
    }

    void refuses_data()
    {
        QTest::addColumn<QStringList>("apps");
        QTest::addColumn<QStringList>("errors"); // "circular..." ones are checked for a real cycle

        QTest::newRow("missing dependency")
            << QStringList{QStringLiteral("a:z"), QStringLiteral("b")}
            << QStringList{QStringLiteral("application z is needed but not in the release")};
        QTest::newRow("missing included application")
            << QStringList{QStringLiteral("a::z")}
            << QStringList{QStringLiteral("application z is needed but not in the release")};
        QTest::newRow("the same missing dependency twice, reported once")
            << QStringList{QStringLiteral("a:z"), QStringLiteral("b:z,y")}
            << QStringList{QStringLiteral("application z is needed but not in the release"),
                           QStringLiteral("application y is needed but not in the release")};
        QTest::newRow("two applications using each other")
            << QStringList{QStringLiteral("a:b"), QStringLiteral("b:a")} << QStringList{CirclePrefix};
        QTest::newRow("a cycle of three")
            << QStringList{QStringLiteral("a:b"), QStringLiteral("b:c"), QStringLiteral("c:a")}
            << QStringList{CirclePrefix};
        QTest::newRow("a cycle through an included application")
            << QStringList{QStringLiteral("a::b"), QStringLiteral("b:c"), QStringLiteral("c:a")}
            << QStringList{CirclePrefix};
        QTest::newRow("a cycle after unrelated applications")
            << QStringList{QStringLiteral("k"), QStringLiteral("s:k"), QStringLiteral("p:k,q"),
                           QStringLiteral("q:k,r"), QStringLiteral("r:s,p")}
            << QStringList{CirclePrefix};
        QTest::newRow("missing and circular")
            << QStringList{QStringLiteral("a:b,z"), QStringLiteral("b:a")}
            << QStringList{QStringLiteral("application z is needed but not in the release"), CirclePrefix};
    }
    void refuses()
    {
        QFETCH(QStringList, apps);
        QFETCH(QStringList, errors);
        const std::vector<ResolvedApp> input = makeApps(apps);
        Findings findings{Finding::warning(QStringLiteral("earlier"))};
        const auto result = rs::release::startOrder(input, findings);
        QVERIFY(!result);
        QCOMPARE(findings.size(), errors.size() + 1);
        QCOMPARE(findings[0].message, QStringLiteral("earlier")); // kept
        for (qsizetype i = 0; i < errors.size(); ++i) {
            const Finding &f = findings[i + 1];
            QCOMPARE(f.severity, rs::Severity::Error);
            if (errors[i] != CirclePrefix) {
                QCOMPARE(f.message, errors[i]);
                continue;
            }
            QVERIFY2(f.message.startsWith(CirclePrefix), qPrintable(f.message));
            QVERIFY2(isCycleOf(f.message.mid(CirclePrefix.size()), input), qPrintable(f.message));
            // The finding points at the .rel line of an application in the cycle.
            const QString first = f.message.mid(CirclePrefix.size()).section(QStringLiteral(" → "), 0, 0);
            const auto app = std::find_if(input.begin(), input.end(),
                                          [&](const ResolvedApp &a) { return a.spec.name == first; });
            QVERIFY(app != input.end());
            QCOMPARE(f.location, app->relLocation);
        }
    }

    void twoCycleIsShownAsOne()
    {
        const auto input = makeApps({QStringLiteral("a:b"), QStringLiteral("b:a")});
        Findings findings;
        QVERIFY(!rs::release::startOrder(input, findings));
        QCOMPARE(findings.size(), 1);
        const QString cycle = findings[0].message.mid(CirclePrefix.size());
        QVERIFY2(cycle == QStringLiteral("a → b → a") || cycle == QStringLiteral("b → a → b"),
                 qPrintable(cycle));
    }

    // Random dependency graphs: an order is always found for a DAG (each application after what it
    // needs, and the same for every run), and a graph with a cycle always ends with an error.
    void randomGraphsTerminate()
    {
        QRandomGenerator random(20240611);
        for (int round = 0; round < 200; ++round) {
            const int n = 2 + int(random.bounded(25));
            const bool acyclic = round % 2 == 0;
            QStringList defs;
            for (int i = 0; i < n; ++i) {
                QStringList uses;
                for (int j = 0; j < n; ++j) {
                    // Acyclic: only applications listed later; the .rel order does not follow them.
                    if (j != i && (!acyclic || j > i) && random.bounded(6) == 0)
                        uses << QStringLiteral("a%1").arg(j);
                }
                defs << QStringLiteral("a%1:%2").arg(i).arg(uses.join(QLatin1Char(',')));
            }
            const auto input = makeApps(defs);
            Findings findings;
            const auto result = rs::release::startOrder(input, findings);
            if (!acyclic && !result) {
                QCOMPARE(findings.size(), 1);
                QVERIFY2(findings.last().message.startsWith(CirclePrefix),
                         qPrintable(findings.last().message));
                QVERIFY2(isCycleOf(findings.last().message.mid(CirclePrefix.size()), input),
                         qPrintable(findings.last().message));
                continue;
            }
            QVERIFY2(result, qPrintable(defs.join(QLatin1Char(' ')) + QLatin1Char('\n') +
                                        rs::test::describe(findings)));
            const QStringList order = namesOf(*result);
            QCOMPARE(order.size(), n);
            for (const ResolvedApp &a : input) {
                for (const QString &u : a.uses)
                    QVERIFY2(order.indexOf(u) < order.indexOf(a.spec.name),
                             qPrintable(defs.join(QLatin1Char(' ')) + QStringLiteral(" -> ") +
                                        order.join(QLatin1Char(' '))));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestStartOrder)
#include "tst_start_order.moc"
