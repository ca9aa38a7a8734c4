// The term value type: construction, equality, term order.
#include "term/term.h"

#include <QTest>

using rs::term::Term;

Q_DECLARE_METATYPE(Term)

class TestTerm : public QObject
{
    Q_OBJECT

private slots:
    void nilIsTheDefault()
    {
        const Term t;
        QVERIFY(t.isNil());
        QVERIFY(t.isList());
        QVERIFY(t.isProperList());
        QCOMPARE(t.size(), 0);
    }

    void bigIntegersNormalise()
    {
        QVERIFY(Term::bigInteger(false, QByteArray("\x05\0\0", 3)).fitsInt64());
        QCOMPARE(Term::bigInteger(true, QByteArray("\x05", 1)).toInt64(), -5);
        const Term min = Term::bigInteger(true, QByteArray("\0\0\0\0\0\0\0\x80", 8));
        QVERIFY(min.fitsInt64());
        QCOMPARE(min.toInt64(), std::numeric_limits<qint64>::min());
        const Term beyond = Term::bigInteger(false, QByteArray("\0\0\0\0\0\0\0\x80", 8));
        QVERIFY(!beyond.fitsInt64());
        QCOMPARE(beyond.toDecimal(), QStringLiteral("9223372036854775808"));
    }

    void integersFromDigits()
    {
        QCOMPARE(Term::integerFromDigits("ff", 16, false).toInt64(), 255);
        QCOMPARE(Term::integerFromDigits("0", 10, true).toInt64(), 0);
        QCOMPARE(Term::integerFromDigits("123456789012345678901234567890", 10, true).toDecimal(),
                 QStringLiteral("-123456789012345678901234567890"));
    }

    void magnitudeRoundTrips()
    {
        const Term t = Term::integerFromDigits("340282366920938463463374607431768211457", 10, false);
        QCOMPARE(Term::bigInteger(false, t.magnitude()), t);
        QCOMPARE(Term::integer(-256).magnitude(), QByteArray("\0\1", 2));
    }

    void listsStayFlat()
    {
        const Term inner = Term::list({Term::atom(QStringLiteral("b"))});
        const Term outer = Term::list({Term::atom(QStringLiteral("a"))}, inner);
        QCOMPARE(outer.size(), 2);
        QVERIFY(outer.isProperList());
        QCOMPARE(outer, Term::list({Term::atom(QStringLiteral("a")), Term::atom(QStringLiteral("b"))}));
    }

    void improperList()
    {
        const Term t = Term::list({Term::integer(1)}, Term::atom(QStringLiteral("x")));
        QVERIFY(!t.isProperList());
        QVERIFY(t.tail().isAtom(u"x"));
    }

    void stringsAreListsOfCodePoints()
    {
        const Term s = Term::string(u"a€😀");
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.at(1).toInt64(), 0x20AC);
        QCOMPARE(s.at(2).toInt64(), 0x1F600);
        QVERIFY(s.isText());
        QCOMPARE(s.toText(), QStringLiteral("a€😀"));
        QVERIFY(!Term::list({Term::integer(-1)}).isText());
    }

    void exactEqualityTellsIntegerFromFloat()
    {
        QVERIFY(Term::integer(1) != Term::floating(1.0));
        QVERIFY(Term::floating(0.0) == Term::floating(-0.0));
        QCOMPARE(Term::compare(Term::integer(1), Term::floating(1.0)), -1);
        QCOMPARE(Term::compare(Term::floating(1.5), Term::integer(1)), 1);
        QCOMPARE(Term::compare(Term::integer(2), Term::floating(1.5)), 1);
    }

    void positionsDoNotTakePartInEquality()
    {
        QCOMPARE(Term::atom(QStringLiteral("a")).withPosition(3, 4), Term::atom(QStringLiteral("a")));
    }

    void termOrder_data()
    {
        QTest::addColumn<Term>("smaller");
        QTest::addColumn<Term>("larger");
        const Term a = Term::atom(QStringLiteral("a"));
        QTest::newRow("number < atom") << Term::integer(999) << a;
        QTest::newRow("atom < tuple") << a << Term::tuple({});
        QTest::newRow("tuple < map") << Term::tuple({a, a, a}) << Term::map({});
        QTest::newRow("map < nil") << Term::map({{a, a}}) << Term::nil();
        QTest::newRow("nil < list") << Term::nil() << Term::list({a});
        QTest::newRow("list < binary") << Term::list({a}) << Term::binary("x");
        QTest::newRow("atoms by bytes")
            << Term::atom(QStringLiteral("ELDAPv3")) << Term::atom(QStringLiteral("eldap"));
        QTest::newRow("shorter tuple first") << Term::tuple({Term::integer(9)}) << Term::tuple({a, a});
        QTest::newRow("lists element-wise")
            << Term::list({a, a}) << Term::list({Term::atom(QStringLiteral("b"))});
        QTest::newRow("bignums") << Term::integerFromDigits("99999999999999999999", 10, true)
                                 << Term::integerFromDigits("99999999999999999999", 10, false);
        QTest::newRow("negative bignum below int")
            << Term::integerFromDigits("99999999999999999999", 10, true) << Term::integer(-5);
    }

    void termOrder()
    {
        QFETCH(Term, smaller);
        QFETCH(Term, larger);
        QCOMPARE(Term::compare(smaller, larger), -1);
        QCOMPARE(Term::compare(larger, smaller), 1);
        QCOMPARE(Term::compare(smaller, smaller), 0);
    }

    void mapKeysAreSorted()
    {
        const Term m = Term::map({{Term::atom(QStringLiteral("b")), Term::integer(2)},
                                  {Term::integer(1), Term::integer(1)},
                                  {Term::atom(QStringLiteral("a")), Term::integer(3)}});
        const auto &e = m.mapEntries();
        QCOMPARE(e.size(), size_t(3));
        QVERIFY(e[0].first == Term::integer(1));
        QVERIFY(e[1].first.isAtom(u"a"));
        QVERIFY(e[2].first.isAtom(u"b"));
    }
};

QTEST_GUILESS_MAIN(TestTerm)
#include "tst_term.moc"
