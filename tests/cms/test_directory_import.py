"""CSV import of entities and premises: good rows created, known references updated, bad rows
rejected with the reason without stopping the others, and a repeated import changes nothing."""

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from cms.models import DirectoryImport, Premises, SocialEconomyEntity
from cms.opendata.imports import import_csv
from community.members.factories import UserFactory
from tests.cms.trees import vocabularies

ENTITIES = """reference,name,kind,region,country,city,latitude,longitude,sectors,cpv_codes,offer
AR-001,Limpiezas Solidarias,work-integration,Aragon,IT,Zaragoza,41.6488,-0.8891,\
social-services,90910000-9|90911000,Cleaning
AR-002,Cocina Social,cooperative,Aragon,,Huesca,42.1401,-0.4089,agrifood,55520000,Catering
AR-003,,cooperative,Aragon,,Teruel,,,,,
AR-004,Bad codes,cooperative,Aragon,,Teruel,,,,9091,
AR-005,Bad kind,bank,Aragon,,Teruel,,,,,
AR-006,Bad place,cooperative,Aragon,ZZ,Teruel,95,10,,,
"""


def outcomes(report):
    return [(row.row, row.outcome) for row in report]


class EntityImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        vocabularies()

    def test_good_rows_are_created_and_bad_rows_rejected_with_the_reason(self):
        report = import_csv("entities", ENTITIES)
        assert outcomes(report) == [
            (2, "created"),
            (3, "created"),
            (4, "rejected"),
            (5, "rejected"),
            (6, "rejected"),
            (7, "rejected"),
        ]
        reasons = {row.reference: row.reason for row in report}
        assert "name" in reasons["AR-003"]
        assert "9091" in reasons["AR-004"]
        assert "bank" in reasons["AR-005"]
        assert "ZZ" in reasons["AR-006"]
        entity = SocialEconomyEntity.objects.get(reference="AR-001")
        assert entity.status == "published"
        assert entity.cpv_values() == ["90910000", "90911000"]
        assert entity.sector_values() == ["social-services"]
        assert entity.country.code == "IT"

    def test_importing_the_same_file_again_changes_nothing(self):
        import_csv("entities", ENTITIES)
        stamps = dict(SocialEconomyEntity.objects.values_list("reference", "updated_at"))
        report = import_csv("entities", ENTITIES)
        assert [row.outcome for row in report[:2]] == ["unchanged", "unchanged"]
        assert SocialEconomyEntity.objects.count() == 2
        assert dict(SocialEconomyEntity.objects.values_list("reference", "updated_at")) == stamps

    def test_a_changed_row_updates_its_entry_and_keeps_its_review_status(self):
        import_csv("entities", ENTITIES)
        SocialEconomyEntity.objects.filter(reference="AR-002").update(status="rejected")
        changed = ENTITIES.replace("55520000,Catering", "55520000|55521000,Catering")
        report = import_csv("entities", changed)
        assert report[1].outcome == "updated"
        entity = SocialEconomyEntity.objects.get(reference="AR-002")
        assert entity.cpv_values() == ["55520000", "55521000"]
        assert entity.status == "rejected"

    def test_semicolon_separated_file_with_a_bom_is_read(self):
        text = "\ufeffreference;name;kind;region\nX-1;Coop;cooperative;Veneto\n"
        assert outcomes(import_csv("entities", text)) == [(2, "created")]

    def test_missing_required_columns_reject_the_file_at_the_header(self):
        report = import_csv("entities", "name,kind\nCoop,cooperative\n")
        assert outcomes(report) == [(1, "rejected")]
        assert "reference" in report[0].reason


class PremisesImportTests(TestCase):
    def test_premises_rows_are_created_and_bad_sizes_rejected(self):
        text = (
            "reference,name,region,city,size_m2,availability,available_from\n"
            "MB-1,Glavni trg room,Podravje,Maribor,80,available,\n"
            "MB-2,Gym,Podravje,Maribor,big,available,\n"
            "MB-3,Attic,Podravje,Maribor,40,from-date,\n"
        )
        report = import_csv("premises", text)
        assert outcomes(report) == [(2, "created"), (3, "rejected"), (4, "rejected")]
        assert "available_from" in report[2].reason
        assert Premises.objects.get().size_m2 == 80
        assert [row.outcome for row in import_csv("premises", text)][0] == "unchanged"


class ImportAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        vocabularies()
        editors = Group.objects.create(name="Directory editors")
        editors.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="add_socialeconomyentity"),
            Permission.objects.get(codename="add_premises"),
        )
        cls.editor = UserFactory(two_factor=True)
        cls.editor.groups.add(editors)
        cls.member = UserFactory()

    def test_editor_upload_runs_as_a_task_and_shows_the_row_by_row_report(self):
        self.client.force_login(self.editor)
        upload = SimpleUploadedFile("aragon.csv", ENTITIES.encode(), content_type="text/csv")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/admin/directory-imports/new/", {"kind": "entities", "file": upload}
            )
        job = DirectoryImport.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/admin/directory-imports/{job.pk}/"
        assert (job.state, job.created, job.rejected) == ("done", 2, 4)
        html = self.client.get(response["Location"]).content.decode()
        assert "AR-004" in html and "Rejected" in html

    def test_members_cannot_import(self):
        self.client.force_login(self.member)
        response = self.client.get("/admin/directory-imports/")
        assert response.status_code in (302, 403)
        assert not DirectoryImport.objects.exists()
